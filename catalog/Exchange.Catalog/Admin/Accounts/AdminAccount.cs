namespace Exchange.Catalog.Admin.Accounts;

/// <summary>A local account of the admin UI, as stored.</summary>
public sealed class AdminAccount
{
    /// <summary>Lower-case; sign-in ignores case.</summary>
    public required string UserName { get; set; }

    /// <summary>ASP.NET Core's <see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/> format (PBKDF2, salted).</summary>
    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    public string? DepartmentCode { get; set; }

    /// <summary>Changes whenever the password, role or department does, which ends every session signed in before.</summary>
    public required string SecurityStamp { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
