using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences.Presentations;

/// <summary>Presentation codes (亮证码), section <c>Presentations</c>.</summary>
public sealed class PresentationOptions : IValidatableObject
{
    public const string Section = "Presentations";

    /// <summary>How long a code can be redeemed after it was made.</summary>
    [TimeSpanRange("00:00:00", "00:30:00", MinimumIsExclusive = true, ErrorMessage = "Presentations:Lifetime must be positive and at most 30 minutes: a code is for the counter the holder stands at.")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong codes one clerk may enter within <see cref="FailureWindow"/> before the page refuses further codes from them.</summary>
    [NumberRange(1, int.MaxValue, ErrorMessage = "Presentations:MaxFailuresPerClerk must be at least 1.")]
    public int MaxFailuresPerClerk { get; set; } = 5;

    /// <summary>Wrong codes all the clerks of one department may enter within <see cref="FailureWindow"/>.</summary>
    public int MaxFailuresPerDepartment { get; set; } = 20;

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Presentations:FailureWindow must be positive.")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFailuresPerDepartment < MaxFailuresPerClerk)
            yield return new ValidationResult("Presentations:MaxFailuresPerClerk must be at most Presentations:MaxFailuresPerDepartment.", [nameof(MaxFailuresPerDepartment)]);
    }
}

[OptionsValidator]
internal sealed partial class PresentationOptionsValidator : IValidateOptions<PresentationOptions>;
