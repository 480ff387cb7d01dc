namespace Exchange.Catalog.Store;

/// <summary>
/// The latest checkpoint of one gateway audit log that the catalog, as its witness, accepted and countersigned.
/// Replaced only by a checkpoint shown to be consistent with it.
/// </summary>
public sealed class WitnessedCheckpointRecord
{
    public required string LogId { get; set; }
    public long TreeSize { get; set; }
    /// <summary>Hex SHA-256 Merkle tree hash.</summary>
    public required string RootHash { get; set; }
    public long TimeMillis { get; set; }
    public required string KeyId { get; set; }
    /// <summary>base64 DER ECDSA signature of the log.</summary>
    public required string Signature { get; set; }
    public required string WitnessId { get; set; }
    public long CosignedAtMillis { get; set; }
    /// <summary>base64 DER ECDSA countersignature of the catalog's witness key.</summary>
    public required string Cosignature { get; set; }
}
