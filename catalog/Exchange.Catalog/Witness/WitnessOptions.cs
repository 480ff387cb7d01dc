namespace Exchange.Catalog.Witness;

/// <summary>The catalog as a witness of the gateways' audit logs. Section <c>Witness</c>.</summary>
public sealed class WitnessOptions
{
    public const string Section = "Witness";

    /// <summary>The catalog's countersigning key (ECDSA P-256, created if missing).</summary>
    public string SigningKeyPath { get; set; } = ".data/catalog/witness.pem";

    /// <summary>Public audit keys of the gateways whose checkpoints the catalog accepts (re-read for an unknown key id); no others.</summary>
    public string TrustedLogKeysDirectory { get; set; } = ".data/keys/audit-trusted";

    /// <summary>The name in the catalog's countersignatures.</summary>
    public string Name { get; set; } = "catalog";
}
