using System.Security.Cryptography;
using Exchange.ExchangeContext;
using Microsoft.Extensions.Logging;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// Reads the trusted gateway keys for the verifier. A key file caught half-written or unreadable keeps the keys
/// read last, so one bad file in the directory never locks every caller out.
/// </summary>
internal sealed class TrustedGatewayKeys(string directory, ILogger<TrustedGatewayKeys> logger)
{
    private IReadOnlyDictionary<string, ECDsa> _lastRead = new Dictionary<string, ECDsa>();

    public IReadOnlyDictionary<string, ECDsa> Read()
    {
        try
        {
            var keys = ExchangeContextKey.LoadTrustedKeys(directory);
            logger.LogInformation("Trusting {KeyCount} gateway keys from {Directory}: {KeyIds}",
                keys.Count, Path.GetFullPath(directory), string.Join(", ", keys.Keys));
            _lastRead = keys;
            return keys;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            logger.LogWarning(ex, "Could not read the trusted gateway keys in {Directory}; keeping the {KeyCount} read before", Path.GetFullPath(directory), _lastRead.Count);
            return _lastRead;
        }
    }
}
