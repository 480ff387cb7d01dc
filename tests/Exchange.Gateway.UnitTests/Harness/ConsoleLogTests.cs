using Exchange.Testing;

namespace Exchange.Gateway.UnitTests.Harness;

/// <summary>
/// The test harness's record of a service's console: a shared cluster logs far more than the tail holds, and a test
/// that looked for "lines after position N" in the tail found nothing once it was full (a Redis-outage test failed in CI
/// that way). A capture keeps what was written while it was open.
/// </summary>
public sealed class ConsoleLogTests
{
    [Fact]
    public void A_capture_opened_after_the_tail_is_full_holds_exactly_the_lines_written_while_it_was_open()
    {
        var log = new ConsoleLog();
        for (var i = 0; i < ConsoleLog.TailLength + 100; i++)
            log.Write($"before {i}");

        var capture = log.StartCapture();
        log.Write("during 1");
        log.Write("during 2");
        capture.Dispose();
        log.Write("after");

        Assert.Equal(["during 1", "during 2"], capture.Lines);
        Assert.Equal(ConsoleLog.TailLength, log.Tail.Count);
        Assert.Equal("after", log.Tail[^1]);
    }

    [Fact]
    public void A_capture_keeps_more_lines_than_the_tail()
    {
        var log = new ConsoleLog();
        using var capture = log.StartCapture();
        for (var i = 0; i < ConsoleLog.TailLength * 3; i++)
            log.Write($"line {i}");

        Assert.Equal(ConsoleLog.TailLength * 3, capture.Lines.Count);
        Assert.Equal("line 0", capture.Lines[0]);
    }
}
