using System.Collections.Frozen;
using Exchange.ExchangeContext;
using Exchange.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Context;

/// <summary>
/// The current context key of every provider department, as last fetched from the catalog, and the sealing of
/// contexts with them. A provider without a key makes the caller wait (at most <see cref="ExchangeContextOptions.KeyWait"/>)
/// for a refresh, since a department registered after the last fetch has one at the catalog already.
/// </summary>
internal sealed class GatewayContextKeys(IOptions<ExchangeContextOptions> options)
{
    private readonly TimeSpan _wait = options.Value.KeyWait;
    private volatile FrozenDictionary<string, ContextKey> _current = FrozenDictionary<string, ContextKey>.Empty;
    private TaskCompletionSource _refreshed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised when a call needs a key the gateway does not hold.</summary>
    public event Action? Missing;

    public int Count => _current.Count;

    public void Replace(IEnumerable<ContextKey> keys)
    {
        _current = keys.Where(k => k.Current).ToFrozenDictionary(k => k.DepartmentCode, StringComparer.Ordinal);
        Interlocked.Exchange(ref _refreshed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>The metadata value for the context, MACed with the provider's current key.</summary>
    /// <exception cref="UnavailableException">when the catalog has given no key for the provider.</exception>
    public async ValueTask<byte[]> SealAsync(Protos.Context.V1.ExchangeContext context, CancellationToken cancellationToken)
    {
        var provider = context.ProviderDepartmentCode;
        if (!_current.TryGetValue(provider, out var key))
        {
            var refreshed = _refreshed.Task;
            Missing?.Invoke();
            try
            {
                await refreshed.WaitAsync(_wait, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
            if (!_current.TryGetValue(provider, out key))
                throw new UnavailableException($"The gateway has no exchange-context key for {provider} from the catalog yet; try again shortly.");
        }
        return ExchangeContextMac.Seal(context, key);
    }
}
