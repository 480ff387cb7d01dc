using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Objections;

/// <summary>Objections (数据异议): the answer deadline and the limits on raising them. Section <c>Objections</c>.</summary>
public sealed class ObjectionOptions : IValidatableObject
{
    public const string Section = "Objections";

    /// <summary>Working days the provider has to answer, counted from the day after the objection was raised.</summary>
    [NumberRange(1, 60, ErrorMessage = "Objections:AnswerWorkingDays must be between 1 and 60.")]
    public int AnswerWorkingDays { get; set; } = 5;

    /// <summary>Public holidays that fall on weekdays (法定节假日), for example 2026-10-01; not working days.</summary>
    public List<DateOnly> PublicHolidays { get; set; } = [];

    /// <summary>Weekend days worked in exchange for a holiday (调休上班), for example 2026-09-27; working days.</summary>
    public List<DateOnly> WorkingWeekendDays { get; set; } = [];

    /// <summary>The offset of the local working day; deadlines end at local midnight. China Standard Time by default.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Open objections one holder or one department may have at a time; a flood stops here.</summary>
    [NumberRange(1, 10_000, ErrorMessage = "Objections:MaxOpenPerRaiser must be between 1 and 10000.")]
    public int MaxOpenPerRaiser { get; set; } = 20;

    /// <summary>How far back a department's request id is looked for in the gateway's audit log.</summary>
    [TimeSpanRange("01:00:00", "3650.00:00:00", ErrorMessage = "Objections:DeliveryLookback must be between 1 hour and 3650 days.")]
    public TimeSpan DeliveryLookback { get; set; } = TimeSpan.FromDays(90);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UtcOffset <= TimeSpan.FromHours(-14) || UtcOffset >= TimeSpan.FromHours(14) || UtcOffset.Ticks % TimeSpan.TicksPerMinute != 0)
            yield return new ValidationResult("Objections:UtcOffset must be a whole-minute offset between -14:00 and +14:00.", [nameof(UtcOffset)]);
        if (PublicHolidays.Intersect(WorkingWeekendDays).Any())
            yield return new ValidationResult("Objections: a day cannot be both in PublicHolidays and in WorkingWeekendDays.", [nameof(PublicHolidays)]);
    }
}

[OptionsValidator]
internal sealed partial class ObjectionOptionsValidator : IValidateOptions<ObjectionOptions>;
