using System.Data.Common;

namespace Exchange.Gateway.Audit;

/// <summary>
/// Walks the audit chain from the first record and reports the first broken link: a missing record (a gap in
/// the sequence), an edited one (its stored hash does not match its contents) or one that does not link to its
/// predecessor (its previous hash differs: the predecessor was replaced). Removing records from the end of the
/// chain leaves no gap; only an anchor kept elsewhere (the latest hash published or exported) reveals that.
/// </summary>
public static class AuditChainVerifier
{
    public static AuditVerification Verify(DbConnection connection)
    {
        var chain = new AuditChain();
        long expected = 1;
        var previousHash = AuditChain.GenesisHash;
        long checkedCount = 0;
        foreach (var record in AuditStore.ReadAll(connection))
        {
            if (Check(chain, record, expected, previousHash) is { } problem)
                return AuditVerification.Broken(checkedCount, problem.Sequence, problem.Problem);
            previousHash = record.Hash;
            expected++;
            checkedCount++;
        }
        return AuditVerification.Intact(checkedCount);
    }

    /// <summary>The first problem of one record at its expected place in the chain, or null.</summary>
    internal static (long Sequence, string Problem)? Check(AuditChain chain, ChainedAuditRecord record, long expected, string previousHash)
    {
        if (record.Sequence != expected)
        {
            return (expected, expected == record.Sequence - 1
                ? $"record {expected} is missing: the chain goes from {expected - 1} to {record.Sequence}"
                : $"records {expected} to {record.Sequence - 1} are missing: the chain goes from {expected - 1} to {record.Sequence}");
        }
        if (chain.Hash(record.PreviousHash, record.Sequence, record.Entry) != record.Hash)
            return (record.Sequence, $"record {record.Sequence} was edited: its stored hash does not match its contents");
        if (record.PreviousHash != previousHash)
        {
            return (record.Sequence,
                $"record {record.Sequence} does not link to record {record.Sequence - 1}: its previous hash differs, so record {record.Sequence - 1} was replaced or the chain re-written");
        }
        return null;
    }
}

public sealed record AuditVerification(bool IsIntact, long RecordsChecked, long FirstBrokenSequence, string Problem)
{
    public static AuditVerification Intact(long checkedCount) => new(true, checkedCount, 0, string.Empty);

    public static AuditVerification Broken(long checkedCount, long sequence, string problem) => new(false, checkedCount, sequence, problem);
}
