using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences.Clerk;

/// <summary>The clerk verification page's settings (section <c>Clerk</c>).</summary>
public sealed class ClerkOptions
{
    public const string Section = "Clerk";

    /// <summary>Counter clerks by user name. Without any, the page is served but nobody can sign in (and the log says so).</summary>
    public Dictionary<string, ClerkAccountSettings> Accounts { get; set; } = new(StringComparer.Ordinal);

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Clerk:SessionLifetime must be positive.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins in a row that lock an account for <see cref="LockoutDuration"/>.</summary>
    [NumberRange(1, int.MaxValue, ErrorMessage = "Clerk:MaxFailedSignIns must be at least 1.")]
    public int MaxFailedSignIns { get; set; } = 5;

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Clerk:LockoutDuration must be positive.")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class ClerkAccountSettings
{
    /// <summary>Supplied as a secret (environment variable <c>Clerk__Accounts__name__Password</c>), never in a committed file.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>The department whose counter the clerk serves; lookups are made, authorised and recorded as this department.</summary>
    public string Department { get; set; } = string.Empty;

    /// <summary>Shown on the page, for example 婚姻登记处窗口.</summary>
    public string DisplayName { get; set; } = string.Empty;
}

[OptionsValidator]
internal sealed partial class ClerkOptionsValidator : IValidateOptions<ClerkOptions>;
