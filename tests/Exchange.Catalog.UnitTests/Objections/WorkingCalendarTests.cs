using Exchange.Catalog.Objections;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.UnitTests.Objections;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static WorkingCalendar Calendar(int days = 5, DateOnly[]? holidays = null, DateOnly[]? workedWeekendDays = null) =>
        new(Options.Create(new ObjectionOptions
        {
            AnswerWorkingDays = days,
            PublicHolidays = [.. holidays ?? []],
            WorkingWeekendDays = [.. workedWeekendDays ?? []],
        }));

    private static DateTimeOffset Local(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, China);

    [Fact]
    public void Five_working_days_from_a_monday_end_on_the_next_monday_at_local_midnight()
    {
        // Monday 2026-06-01: Tue–Fri are four days, the weekend is skipped, Monday 8 June is the fifth.
        Assert.Equal(new DateTimeOffset(2026, 6, 9, 0, 0, 0, China), Calendar().DueTime(Local(2026, 6, 1)));
    }

    [Fact]
    public void Raised_on_a_friday_evening_the_weekend_does_not_count()
    {
        Assert.Equal(new DateTimeOffset(2026, 6, 13, 0, 0, 0, China), Calendar().DueTime(Local(2026, 6, 5, 23)));
    }

    [Fact]
    public void Raised_on_a_saturday_counts_from_monday()
    {
        Assert.Equal(new DateTimeOffset(2026, 6, 13, 0, 0, 0, China), Calendar().DueTime(Local(2026, 6, 6)));
    }

    [Fact]
    public void The_local_day_decides_not_the_utc_day()
    {
        // 17:00 UTC on Sunday 31 May is 01:00 on Monday 1 June in China: counted from Monday, as a Monday.
        var raised = new DateTimeOffset(2026, 5, 31, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 6, 9, 0, 0, 0, China), Calendar().DueTime(raised));
    }

    [Fact]
    public void Public_holidays_are_skipped()
    {
        // National Day week 2026: 1–7 October; raised on Wednesday 30 September.
        DateOnly[] golden = [new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7)];
        var due = Calendar(holidays: golden).DueTime(Local(2026, 9, 30));
        // 8, 9 (Thu, Fri), 12, 13, 14 October.
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 0, 0, 0, China), due);
    }

    [Fact]
    public void A_weekend_day_worked_in_exchange_counts()
    {
        var calendar = Calendar(days: 1, workedWeekendDays: [new(2026, 9, 26)]);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 9, 26)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 9, 27)));
        Assert.Equal(new DateTimeOffset(2026, 9, 27, 0, 0, 0, China), calendar.DueTime(Local(2026, 9, 25)));
    }
}
