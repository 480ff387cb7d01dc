using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// How an adapter checks that a call came through the Exchange gateway, section <c>ExchangeContext</c>. The context
/// key itself comes from the catalog (section <c>Catalog</c>: the department's own client).
/// </summary>
public sealed class ExchangeContextOptions
{
    public const string Section = "ExchangeContext";

    /// <summary>The department this provider serves (for example PUBLIC-SECURITY); a context for another department's resource is refused.</summary>
    [Required(ErrorMessage = "ExchangeContext:Department must be set to the department this provider serves, such as PUBLIC-SECURITY.")]
    [RegularExpression("^[A-Z][A-Z0-9-]*$", ErrorMessage = "ExchangeContext:Department must be a department code such as PUBLIC-SECURITY.")]
    public string Department { get; set; } = string.Empty;

    /// <summary>Longest remaining lifetime a context may claim; bounds how long its one-time id must be remembered.</summary>
    [TimeSpanRange("00:00:01", "00:10:00", ErrorMessage = "ExchangeContext:MaxLifetime must be between 1 second and 10 minutes.")]
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many one-time ids are remembered at once at most; beyond it new contexts are refused RESOURCE_EXHAUSTED.</summary>
    [NumberRange(1000, 100_000_000, ErrorMessage = "ExchangeContext:ReplayMemoryCapacity must be between 1000 and 100000000.")]
    public int ReplayMemoryCapacity { get; set; } = 1_000_000;

    /// <summary>How often the context keys are fetched again from the catalog (also on an unknown key id, at most every few seconds).</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00", ErrorMessage = "ExchangeContext:KeyRefreshInterval must be between 1 second and 1 day.")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}

[OptionsValidator]
internal sealed partial class ExchangeContextOptionsValidator : IValidateOptions<ExchangeContextOptions>;
