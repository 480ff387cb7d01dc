using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Context;

/// <summary>How long an exchange context is valid and how the gateway keeps the providers' context keys. Section <c>ExchangeContext</c>.</summary>
public sealed class ExchangeContextOptions
{
    public const string Section = "ExchangeContext";

    /// <summary>How long a provider accepts a context after the gateway issued it (and remembers its one-time id).</summary>
    [TimeSpanRange("00:00:00", "00:02:00", MinimumIsExclusive = true, ErrorMessage = "ExchangeContext:Lifetime must be positive and at most 2 minutes (what providers accept).")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the providers' context keys are fetched again from the catalog (also at once for an unknown provider).</summary>
    [TimeSpanRange("00:00:01", ErrorMessage = "ExchangeContext:KeyRefreshInterval must be at least a second.")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Owner-only file with the providers' keys as last fetched, read at start-up while the catalog cannot be reached.</summary>
    public string KeySnapshotPath { get; set; } = ".data/gateway/context-keys.pb";

    /// <summary>How long a call for a provider without a known key waits for the catalog before it is UNAVAILABLE.</summary>
    [TimeSpanRange("00:00:00", "00:00:30", MinimumIsExclusive = true, ErrorMessage = "ExchangeContext:KeyWait must be positive and at most 30 seconds.")]
    public TimeSpan KeyWait { get; set; } = TimeSpan.FromSeconds(3);
}

[OptionsValidator]
internal sealed partial class ExchangeContextOptionsValidator : IValidateOptions<ExchangeContextOptions>;
