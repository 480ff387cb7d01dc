using System.Security.Cryptography;
using Exchange.Files;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Exchange.Catalog.Identity;

/// <summary>
/// The key the token server encrypts what it issues to come back to it (the holders' authorization codes) with: one
/// AES-256 key in Identity:KeyDirectory beside the signing keys, made on the first start and kept, owner-only. Every
/// catalog instance over the same directory, and the same one after a restart, reads the codes the others issued;
/// a key made per process (OpenIddict's ephemeral RSA key) cost a 2048-bit key generation on every start and tied a
/// code to the process that issued it.
/// </summary>
public sealed partial class TokenEncryptionKey(IOptions<CatalogIdentityOptions> identity, ILogger<TokenEncryptionKey> logger)
    : IConfigureOptions<OpenIddictServerOptions>
{
    public const string FileName = "token-encryption.key";
    private const int KeyBytes = 32;

    public void Configure(OpenIddictServerOptions options)
    {
        // A256KW wraps each token's content key, A256CBC-HS512 encrypts and authenticates the content (OpenIddict's pair for a symmetric key).
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            new SymmetricSecurityKey(LoadOrCreate()), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private byte[] LoadOrCreate()
    {
        var path = Path.Combine(Path.GetFullPath(identity.Value.KeyDirectory), FileName);
        if (!File.Exists(path))
        {
            // Of two instances starting at once, one writes the key and the other reads it: a key file is never replaced.
            if (AtomicFile.TryCreate(path, RandomNumberGenerator.GetBytes(KeyBytes), ownerOnly: true))
                LogCreated(logger, path);
        }
        var key = File.ReadAllBytes(path);
        if (key.Length != KeyBytes)
            throw new InvalidOperationException($"The token encryption key {path} holds {key.Length} bytes, not {KeyBytes}; restore it, or delete it to make a new one (authorization codes in flight are then refused).");
        return key;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the token encryption key {Path}; every catalog instance over this directory uses it")]
    private static partial void LogCreated(ILogger logger, string path);
}
