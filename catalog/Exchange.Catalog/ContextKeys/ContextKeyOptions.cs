using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.ContextKeys;

/// <summary>The per-provider exchange-context keys the catalog keeps and hands out. Section <c>ContextKeys</c>.</summary>
public sealed class ContextKeyOptions : IValidatableObject
{
    public const string Section = "ContextKeys";

    /// <summary>One file per key (owner-only), named department and creation time.</summary>
    [Required(ErrorMessage = "ContextKeys:Directory must name the directory of the context keys.")]
    public string Directory { get; set; } = ".data/catalog/context-keys";

    /// <summary>A department's current key is replaced when it is older than this.</summary>
    [TimeSpanRange("00:01:00", "3650.00:00:00", ErrorMessage = "ContextKeys:Rotation must be between 1 minute and 3650 days.")]
    public TimeSpan Rotation { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a replaced key stays valid, so gateways and providers that have not refreshed yet keep agreeing.</summary>
    [TimeSpanRange("00:00:30", "30.00:00:00", ErrorMessage = "ContextKeys:Grace must be between 30 seconds and 30 days.")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Grace >= Rotation)
            yield return new ValidationResult("ContextKeys:Grace must be shorter than ContextKeys:Rotation.", [nameof(Grace)]);
    }
}

[OptionsValidator]
internal sealed partial class ContextKeyOptionsValidator : IValidateOptions<ContextKeyOptions>;
