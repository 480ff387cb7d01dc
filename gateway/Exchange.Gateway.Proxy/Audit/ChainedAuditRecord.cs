namespace Exchange.Gateway.Audit;

/// <summary>An audit entry at its place in the chain, as stored, with its Merkle leaf hash (hex; empty only before the backfill).</summary>
public sealed record ChainedAuditRecord(long Sequence, AuditEntry Entry, string PreviousHash, string Hash, string LeafHash);
