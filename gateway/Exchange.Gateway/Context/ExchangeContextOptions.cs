namespace Exchange.Gateway.Context;

/// <summary>The key the gateway signs exchange contexts with, and how long a context is valid. Section <c>ExchangeContext</c>.</summary>
public sealed class ExchangeContextOptions
{
    public const string Section = "ExchangeContext";

    /// <summary>PEM file of the gateway's ECDSA P-256 signing key; created (owner-only) when missing.</summary>
    public string SigningKeyPath { get; set; } = ".data/keys/exchange-context.pem";

    /// <summary>Where the public half is written for providers on this machine to trust.</summary>
    public string TrustedKeysDirectory { get; set; } = ".data/keys/trusted";

    /// <summary>How long a provider accepts a context after the gateway issued it.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(30);
}
