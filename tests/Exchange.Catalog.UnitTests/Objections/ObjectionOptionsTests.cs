using Exchange.Catalog.Objections;

namespace Exchange.Catalog.UnitTests.Objections;

public sealed class ObjectionOptionsTests
{
    private static readonly ObjectionOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid() => OptionsAssert.Valid(Validator, new ObjectionOptions());

    [Fact]
    public void The_offset_is_whole_minutes_within_a_day()
    {
        OptionsAssert.Fails(Validator, new ObjectionOptions { UtcOffset = TimeSpan.FromHours(15) }, "Objections:UtcOffset must be a whole-minute offset between -14:00 and +14:00.");
        OptionsAssert.Fails(Validator, new ObjectionOptions { UtcOffset = TimeSpan.FromSeconds(30) }, "Objections:UtcOffset must be a whole-minute offset");
    }

    [Fact]
    public void A_day_is_not_both_holiday_and_worked() =>
        OptionsAssert.Fails(Validator, new ObjectionOptions { PublicHolidays = [new DateOnly(2026, 10, 1)], WorkingWeekendDays = [new DateOnly(2026, 10, 1)] },
            "Objections: a day cannot be both in PublicHolidays and in WorkingWeekendDays.");

    [Fact]
    public void Answer_days_are_bounded() =>
        OptionsAssert.Fails(Validator, new ObjectionOptions { AnswerWorkingDays = 0 }, "Objections:AnswerWorkingDays must be between 1 and 60.");
}
