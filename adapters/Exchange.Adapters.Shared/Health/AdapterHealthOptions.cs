using System.ComponentModel.DataAnnotations;

namespace Exchange.Adapters.Shared.Health;

/// <summary>What an adapter's readiness warns about ahead of time, section <c>Health</c>.</summary>
public sealed class AdapterHealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// How long before the licence signing key is due for rotation (<c>Licences:KeyRotation</c> after it started
    /// signing) readiness turns degraded, so the adapter is restarted (which rotates it) in working hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan KeyExpiryWarning { get; set; } = TimeSpan.FromDays(30);
}
