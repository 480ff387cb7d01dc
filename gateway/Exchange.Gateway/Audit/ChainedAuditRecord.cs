namespace Exchange.Gateway.Audit;

/// <summary>An audit entry at its place in the chain, as stored.</summary>
public sealed record ChainedAuditRecord(long Sequence, AuditEntry Entry, string PreviousHash, string Hash);
