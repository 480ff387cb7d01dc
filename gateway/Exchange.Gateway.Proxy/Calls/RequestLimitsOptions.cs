using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Calls;

/// <summary>Limits on what a consumer may send through the gateway, section <c>RequestLimits</c>.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Largest request message forwarded to a provider, in bytes; larger ones are RESOURCE_EXHAUSTED here.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;
}
