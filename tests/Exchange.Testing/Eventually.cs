namespace Exchange.Testing;

/// <summary>Polls a condition that should become true within a bound, such as a catalog change reaching the gateway.</summary>
public static class Eventually
{
    /// <returns>How long it took.</returns>
    public static async Task<TimeSpan> WithinAsync(TimeSpan bound, Func<Task<bool>> condition, string what)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
                return started.Elapsed;
            if (started.Elapsed > bound)
                throw new TimeoutException($"Not within {bound.TotalSeconds} s: {what}");
            await Task.Delay(50);
        }
    }
}
