using System.ComponentModel.DataAnnotations;
using Exchange.Catalog.Admin.Accounts;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;
using Exchange.Ports;

namespace Exchange.Catalog.Admin;

/// <summary>Settings of the admin web UI, section Admin.</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    /// <summary>The gateway whose audit log (exchange.audit.v1.AuditService) the audit page reads.</summary>
    [Required(ErrorMessage = GatewayAddressMessage), HttpUrl(ErrorMessage = GatewayAddressMessage)]
    public Uri GatewayAddress { get; set; } = ExchangePorts.GatewayAddress;

    /// <summary>
    /// Every gateway instance whose call statistics the statistics page merges (Admin:Gateways:0, :1, …); when none is
    /// configured, <see cref="GatewayAddress"/> alone.
    /// </summary>
    public List<Uri> Gateways { get; set; } = [];

    /// <summary>The OAuth2 client the audit and statistics pages authenticate to the gateways as; its secret is Identity:Clients:&lt;id&gt;:Secret.</summary>
    [Required(ErrorMessage = "Admin:AuditClientId must name the OAuth2 client the audit and statistics pages use.")]
    public string AuditClientId { get; set; } = "catalog-admin";

    /// <summary>Consecutive wrong passwords after which an account is locked.</summary>
    [NumberRange(1, 100, ErrorMessage = "Admin:MaxFailedSignIns must be between 1 and 100.")]
    public int MaxFailedSignIns { get; set; } = 5;

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Admin:LockoutDuration must be positive.")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without activity.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Admin:SessionLifetime must be positive.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Times on the pages are shown in this zone (IANA id).</summary>
    [Required(ErrorMessage = "Admin:TimeZone must name an IANA time zone, for example Asia/Shanghai.")]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// The accounts, by user name (Admin:Accounts:&lt;name&gt;:Password, :Role, :Department). The only source of
    /// accounts: each start creates or updates them, and removes stored accounts no longer configured.
    /// </summary>
    public Dictionary<string, AdminAccountSettings> Accounts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    private const string GatewayAddressMessage = "Admin:GatewayAddress must be the gateway's absolute http or https address.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Gateways.Count; i++)
        {
            if (!Gateways[i].IsAbsoluteUri)
                yield return new ValidationResult($"Admin:Gateways:{i} must be an absolute URL (it is {Gateways[i]}).", [nameof(Gateways)]);
        }
        foreach (var problem in AdminAccountSeeding.Problems(this))
            yield return new ValidationResult(problem, [nameof(Accounts)]);
    }
}

[OptionsValidator]
internal sealed partial class AdminOptionsValidator : IValidateOptions<AdminOptions>;

public sealed class AdminAccountSettings
{
    /// <summary>Never committed; an account without one is not created.</summary>
    public string? Password { get; set; }

    /// <summary><c>catalog-admin</c> or <c>department-reviewer</c>.</summary>
    public string? Role { get; set; }

    /// <summary>The department a reviewer reviews applications for; required for reviewers, not allowed for admins.</summary>
    public string? Department { get; set; }
}
