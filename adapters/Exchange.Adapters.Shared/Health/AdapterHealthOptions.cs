using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Health;

/// <summary>What an adapter's readiness warns about ahead of time, section <c>Health</c>.</summary>
public sealed class AdapterHealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// How long before the licence signing key is due for rotation (<c>Licences:KeyRotation</c> after it started
    /// signing) readiness turns degraded, so the adapter is restarted (which rotates it) in working hours.
    /// </summary>
    [TimeSpanRange("00:00:00", "3650.00:00:00", ErrorMessage = "Health:KeyExpiryWarning must be between 0 and 3650 days.")]
    public TimeSpan KeyExpiryWarning { get; set; } = TimeSpan.FromDays(30);
}

[OptionsValidator]
internal sealed partial class AdapterHealthOptionsValidator : IValidateOptions<AdapterHealthOptions>;
