namespace Exchange.Gateway.Audit.Store;

// The rows of the audit database, for its schema only (see AuditDbContext); the code reads and writes them with SQL.

/// <summary>One call, chained: its hash covers its contents and the previous record's hash.</summary>
public sealed class AuditRecordRow
{
    public long Sequence { get; set; }
    public long TimeMicros { get; set; }
    public string RequestId { get; set; } = "";
    public string Consumer { get; set; } = "";
    public string Provider { get; set; } = "";
    public string Resource { get; set; } = "";
    public string Method { get; set; } = "";
    public string HolderId { get; set; } = "";
    public string DataItems { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string Status { get; set; } = "";
    public string StatusMessage { get; set; } = "";
    public long LatencyMicros { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>Hex SHA-256(0x00 || canonical record): the record's leaf in the Merkle tree.</summary>
    public string LeafHash { get; set; } = "";
}

/// <summary>A signed checkpoint of the Merkle tree over the records, as this gateway made it (witnesses keep their own copies).</summary>
public sealed class AuditCheckpointRow
{
    public long TreeSize { get; set; }
    public string RootHash { get; set; } = "";
    public long TimeMillis { get; set; }
    public string LogId { get; set; } = "";
    public string KeyId { get; set; } = "";
    public string Signature { get; set; } = "";
}

/// <summary>One use of a licence by a call (looked up, verified), for the holder's ListUsage.</summary>
public sealed class LicenceUseRow
{
    public long Id { get; set; }
    public long AuditSequence { get; set; }
    public long TimeMicros { get; set; }
    public string LicenceNumber { get; set; } = "";
    public string TypeCode { get; set; } = "";
    public string HolderId { get; set; } = "";
    public string Consumer { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string Action { get; set; } = "";
    public string RequestId { get; set; } = "";
}

/// <summary>The material tally of one CheckMaterials call (减材料 statistics).</summary>
public sealed class MaterialCheckRow
{
    public long AuditSequence { get; set; }
    public long TimeMicros { get; set; }
    public string ServiceItemCode { get; set; } = "";
    public string ServiceItemName { get; set; } = "";
    public long MaterialsChecked { get; set; }
    public long MaterialsExempted { get; set; }

    /// <summary>The checking department and its case: the statistics count each case once, by its latest check.</summary>
    public string Consumer { get; set; } = "";
    public string CaseNumber { get; set; } = "";

    /// <summary>A blocking finding stopped the application (for example a credit restriction).</summary>
    public bool Blocked { get; set; }
}
