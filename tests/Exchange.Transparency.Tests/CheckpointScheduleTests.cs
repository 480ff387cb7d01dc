using Exchange.Transparency;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Transparency.Tests;

/// <summary>Checkpoints come every N records or T after the last one, never for an unchanged log; time is advanced, not waited for.</summary>
public sealed class CheckpointScheduleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));

    private CheckpointSchedule Schedule() => new(TimeSpan.FromSeconds(10), everyRecords: 100, _time);

    [Fact]
    public void Nothing_is_due_for_a_log_that_did_not_grow()
    {
        var schedule = Schedule();
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(schedule.IsDue(_time.GetUtcNow()));
    }

    [Fact]
    public void A_few_records_are_due_once_the_interval_has_passed()
    {
        var schedule = Schedule();
        schedule.Appended(3);
        Assert.False(schedule.IsDue(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(schedule.IsDue(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(schedule.IsDue(_time.GetUtcNow()));

        schedule.Made(3, _time.GetUtcNow());
        Assert.False(schedule.IsDue(_time.GetUtcNow()));
    }

    [Fact]
    public async Task Enough_records_are_due_at_once_and_wake_the_publisher()
    {
        var schedule = Schedule();
        var waiting = schedule.WaitAsync(TestContext.Current.CancellationToken);
        schedule.Appended(99);
        Assert.False(waiting.IsCompleted);
        schedule.Appended(100);
        // Bounded only so a broken wake-up fails instead of hanging; it completes at once.
        await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(schedule.IsDue(_time.GetUtcNow()));
    }

    [Fact]
    public async Task The_publisher_wakes_when_the_interval_passes_on_the_schedules_clock()
    {
        var schedule = Schedule();
        schedule.Appended(1);
        var waiting = schedule.WaitAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(schedule.IsDue(_time.GetUtcNow()));
    }
}
