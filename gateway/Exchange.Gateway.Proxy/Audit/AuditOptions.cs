namespace Exchange.Gateway.Audit;

/// <summary>The audit store and its transparency log. The connection string is <c>ConnectionStrings:Audit</c>; the rest is section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";
    public const string ConnectionStringName = "Audit";
    public const string DefaultConnectionString = "Data Source=.data/gateway/audit.db";

    /// <summary>Most records committed in one transaction; callers waiting meanwhile share the next commit.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>
    /// The name of this audit log in its checkpoints: one per audit store (instances sharing a PostgreSQL store share
    /// it; instances with their own SQLite file need their own, since witnesses keep one tree per log id).
    /// </summary>
    public string LogId { get; set; } = "gateway";

    /// <summary>ECDSA P-256 key signing checkpoints (created if missing); shared by the instances of one deployment.</summary>
    public string SigningKeyPath { get; set; } = ".data/keys/audit.pem";

    /// <summary>Public audit keys that witnesses trust; the gateway writes its own there, and as a witness trusts only these.</summary>
    public string TrustedLogKeysDirectory { get; set; } = ".data/keys/audit-trusted";

    /// <summary>A checkpoint is made at most this long after the last one when records were added since.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>... or as soon as this many records were added since the last one.</summary>
    public int CheckpointEveryRecords { get; set; } = 1000;

    /// <summary>Whether the catalog (<c>Catalog:Address</c>, with the gateway's client token) witnesses the checkpoints.</summary>
    public bool WitnessCatalog { get; set; } = true;

    /// <summary>Other gateway instances that witness this log (gRPC addresses, <c>Audit:Witnesses:&lt;n&gt;</c>).</summary>
    public List<Uri> Witnesses { get; set; } = [];

    /// <summary>How long a witness may take to answer one call.</summary>
    public TimeSpan WitnessTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>As a witness of other instances' logs: this instance's countersigning key (created if missing).</summary>
    public string WitnessKeyPath { get; set; } = ".data/gateway/witness.pem";

    /// <summary>As a witness: where this instance keeps the latest checkpoint it accepted per log (not the audit store).</summary>
    public string WitnessDirectory { get; set; } = ".data/gateway/witnessed";

    /// <summary>As a witness: the name in its countersignatures.</summary>
    public string WitnessName { get; set; } = "gateway";
}
