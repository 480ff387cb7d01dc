using System.Security.Cryptography;

namespace Exchange.Licences;

/// <summary>One key pair of an issuer's key ring; <see cref="ValidUntil"/> is null while it signs new licences.</summary>
public sealed record IssuerSigningKey(string KeyId, ECDsa Key, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil);
