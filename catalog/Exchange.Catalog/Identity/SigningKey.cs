using Microsoft.IdentityModel.Tokens;

namespace Exchange.Catalog.Identity;

/// <summary>One ECDSA P-256 token signing key of the ring, with when it was made.</summary>
public sealed record SigningKey(string Id, ECDsaSecurityKey Key, DateTimeOffset CreatedAt)
{
    public SigningCredentials Credentials { get; } = new(Key, SecurityAlgorithms.EcdsaSha256);
}
