using Exchange.Catalog.Domain;
using Exchange.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Admin.Accounts;

/// <summary>
/// Makes the stored accounts match configuration before the UI takes requests: creates or updates every
/// configured account that has a password, and removes every other stored account.
/// </summary>
internal sealed class AdminAccountSeeding(
    IServiceScopeFactory scopes,
    IOptions<AdminOptions> options,
    IPasswordHasher<AdminAccount> hasher,
    ILogger<AdminAccountSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdminAccountsDbContext>();
        await db.MigrateStoreAsync(logger, cancellationToken);

        var configured = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (configuredName, settings) in options.Value.Accounts)
        {
            var name = AccountName.Normalize(configuredName);
            if (string.IsNullOrEmpty(settings.Password))
            {
                logger.LogWarning("Admin account {Account} has no password configured (Admin:Accounts:{Account}:Password); it is not created", name, configuredName);
                continue;
            }
            configured.Add(name);
            var department = AdminRoles.IsKnown(settings.Role) && settings.Role == AdminRoles.DepartmentReviewer ? settings.Department!.Trim() : null;
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
            if (account is null)
            {
                account = new AdminAccount { UserName = name, PasswordHash = string.Empty, Role = settings.Role!, DepartmentCode = department, SecurityStamp = NewStamp() };
                account.PasswordHash = hasher.HashPassword(account, settings.Password);
                db.Accounts.Add(account);
                logger.LogInformation("Created admin account {Account} ({Role}{Department})", name, account.Role, department is null ? "" : " of " + department);
                continue;
            }

            var changed = false;
            if (hasher.VerifyHashedPassword(account, account.PasswordHash, settings.Password) is var check && check == PasswordVerificationResult.Failed)
            {
                account.PasswordHash = hasher.HashPassword(account, settings.Password);
                account.FailedSignIns = 0;
                account.LockedUntil = null;
                changed = true;
            }
            else if (check == PasswordVerificationResult.SuccessRehashNeeded)
            {
                account.PasswordHash = hasher.HashPassword(account, settings.Password);
            }
            if (account.Role != settings.Role || account.DepartmentCode != department)
            {
                account.Role = settings.Role!;
                account.DepartmentCode = department;
                changed = true;
            }
            if (changed)
            {
                account.SecurityStamp = NewStamp();
                logger.LogInformation("Updated admin account {Account} ({Role}{Department}) from configuration", name, account.Role, department is null ? "" : " of " + department);
            }
        }

        var removed = await db.Accounts.Where(a => !configured.Contains(a.UserName)).ToListAsync(cancellationToken);
        foreach (var account in removed)
        {
            db.Accounts.Remove(account);
            logger.LogWarning("Removed admin account {Account}: it is no longer configured with a password", account.UserName);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (configured.Count == 0)
            logger.LogWarning("No admin account is configured; set Admin:Accounts:<name>:Password and :Role to sign in to /admin");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    /// <summary>Problems with the configured accounts, for start-up validation.</summary>
    public static IEnumerable<string> Problems(AdminOptions options)
    {
        foreach (var (name, settings) in options.Accounts)
        {
            if (!AccountName.IsValid(AccountName.Normalize(name)))
                yield return $"Admin:Accounts:{name}: the name must be lower-case letters, digits, '.', '-' or '_', at most {AccountName.MaxLength} characters.";
            if (!AdminRoles.IsKnown(settings.Role))
                yield return $"Admin:Accounts:{name}:Role must be {AdminRoles.CatalogAdmin} or {AdminRoles.DepartmentReviewer}, not '{settings.Role}'.";
            else if (settings.Role == AdminRoles.DepartmentReviewer && CatalogCode.Problem(settings.Department?.Trim() ?? string.Empty) is { } problem)
                yield return $"Admin:Accounts:{name}:Department (the reviewer's department code) {problem}.";
            else if (settings.Role == AdminRoles.CatalogAdmin && !string.IsNullOrWhiteSpace(settings.Department))
                yield return $"Admin:Accounts:{name}: a {AdminRoles.CatalogAdmin} acts for no department; remove :Department.";
        }
    }
}
