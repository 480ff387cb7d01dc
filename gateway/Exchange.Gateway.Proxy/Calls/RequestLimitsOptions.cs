using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Calls;

/// <summary>Limits on what a consumer may send through the gateway, section <c>RequestLimits</c>.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Largest request message forwarded to a provider, in bytes; larger ones are RESOURCE_EXHAUSTED here.</summary>
    [NumberRange(1024, 64 * 1024 * 1024, ErrorMessage = "RequestLimits:MaxMessageBytes must be between 1024 and 67108864 (64 MiB).")]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;
}

[OptionsValidator]
internal sealed partial class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>;
