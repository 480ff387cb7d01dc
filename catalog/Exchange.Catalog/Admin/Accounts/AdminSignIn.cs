using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Admin.Accounts;

/// <summary>Checks a user name and password, counting failures and locking an account after too many.</summary>
public sealed class AdminSignIn(
    AdminAccountsDbContext db,
    IPasswordHasher<AdminAccount> hasher,
    IOptions<AdminOptions> options,
    TimeProvider clock,
    ILogger<AdminSignIn> logger)
{
    // Unknown names still cost one hash verification, so response times do not tell which names exist.
    private static readonly AdminAccount Nobody = new() { UserName = "-", PasswordHash = string.Empty, Role = "-", SecurityStamp = "-" };
    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<AdminAccount>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> CheckAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var name = AccountName.Normalize(userName);
        var account = name.Length == 0 ? null : await db.Accounts.SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null)
        {
            hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, password);
            logger.LogWarning("Admin sign-in refused: no account {Account}", name);
            return SignInOutcome.Invalid;
        }

        var now = clock.GetUtcNow();
        if (account.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            logger.LogWarning("Admin sign-in refused: account {Account} is locked until {LockedUntil}", name, lockedUntil);
            return SignInOutcome.Locked(lockedUntil);
        }

        var check = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (check == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            var limit = options.Value.MaxFailedSignIns;
            if (account.FailedSignIns >= limit)
            {
                account.FailedSignIns = 0;
                account.LockedUntil = now + options.Value.LockoutDuration;
                await db.SaveChangesAsync(cancellationToken);
                logger.LogWarning("Admin account {Account} locked until {LockedUntil} after {Failures} wrong passwords", name, account.LockedUntil, limit);
                return SignInOutcome.Locked(account.LockedUntil.Value);
            }
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Admin sign-in refused: wrong password for {Account} ({Failures} of {Limit})", name, account.FailedSignIns, limit);
            return SignInOutcome.Invalid;
        }

        if (check == PasswordVerificationResult.SuccessRehashNeeded)
            account.PasswordHash = hasher.HashPassword(account, password);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Admin {Account} ({Role}) signed in", name, account.Role);
        return SignInOutcome.Success(PrincipalOf(account));
    }

    /// <summary>Whether a session signed in as <paramref name="user"/> still stands: same account, same stamp.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var name = user.Identity?.Name;
        var stamp = user.FindFirstValue(AdminUser.SecurityStampClaim);
        if (name is null || stamp is null)
            return false;
        return await db.Accounts.AnyAsync(a => a.UserName == name && a.SecurityStamp == stamp, cancellationToken);
    }

    private static ClaimsPrincipal PrincipalOf(AdminAccount account)
    {
        var identity = new ClaimsIdentity(AdminPolicies.CookieScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, account.UserName));
        identity.AddClaim(new Claim(ClaimTypes.Role, account.Role));
        if (account.DepartmentCode is { Length: > 0 } department)
            identity.AddClaim(new Claim(AdminUser.DepartmentClaim, department));
        identity.AddClaim(new Claim(AdminUser.SecurityStampClaim, account.SecurityStamp));
        return new ClaimsPrincipal(identity);
    }
}

public sealed record SignInOutcome(ClaimsPrincipal? Principal, DateTimeOffset? LockedUntil)
{
    public static readonly SignInOutcome Invalid = new(null, null);

    public static SignInOutcome Success(ClaimsPrincipal principal) => new(principal, null);

    public static SignInOutcome Locked(DateTimeOffset until) => new(null, until);
}
