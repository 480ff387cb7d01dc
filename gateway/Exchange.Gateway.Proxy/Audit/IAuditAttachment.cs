using System.Data.Common;

namespace Exchange.Gateway.Audit;

/// <summary>
/// Rows a feature keeps beside a call's audit record (the licence broker's uses and material checks). The writer
/// inserts them in the transaction that stores the record, so they are durable exactly when the record is and the
/// call's answer waits for both; they are not part of the hash chain. Set as a request feature for the call's record.
/// </summary>
public interface IAuditAttachment
{
    void Insert(DbConnection connection, DbTransaction transaction, long auditSequence, AuditEntry entry);
}
