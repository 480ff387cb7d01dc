namespace Exchange.Catalog.Domain;

/// <summary>
/// Serialises every write to the catalog, and the watch snapshot read, in this process. Checks such as
/// "the code is free" or "no other resource serves this method" then hold until the write commits, and
/// changes reach the watch feed in revision order.
/// </summary>
public sealed class CatalogWriteGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                semaphore.Release();
        }
    }
}
