using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Objections;

/// <summary>
/// Working days for answer deadlines: Monday to Friday, less configured public holidays, plus configured weekend
/// days worked in exchange (调休). The day an objection is raised does not count; the deadline is the end of the
/// last working day, local time.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly ObjectionOptions _options;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workedWeekendDays;

    public WorkingCalendar(IOptions<ObjectionOptions> options)
    {
        _options = options.Value;
        _holidays = [.. _options.PublicHolidays];
        _workedWeekendDays = [.. _options.WorkingWeekendDays];
    }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? _workedWeekendDays.Contains(day) : !_holidays.Contains(day);

    public DateTimeOffset DueTime(DateTimeOffset raised)
    {
        var day = DateOnly.FromDateTime(raised.ToOffset(_options.UtcOffset).DateTime);
        for (var counted = 0; counted < _options.AnswerWorkingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                counted++;
        }
        return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), _options.UtcOffset);
    }
}
