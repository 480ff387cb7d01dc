namespace Exchange.Gateway.Audit;

/// <summary>The audit store. The connection string is <c>ConnectionStrings:Audit</c>; the rest is section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";
    public const string ConnectionStringName = "Audit";
    public const string DefaultConnectionString = "Data Source=.data/gateway/audit.db";

    /// <summary>Most records committed in one transaction; callers waiting meanwhile share the next commit.</summary>
    public int MaxBatchSize { get; set; } = 1000;
}
