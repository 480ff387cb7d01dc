using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Audit;

/// <summary>The audit store and its transparency log. The connection string is <c>ConnectionStrings:Audit</c>; the rest is section <c>Audit</c>.</summary>
public sealed class AuditOptions : IValidatableObject
{
    public const string Section = "Audit";
    public const string ConnectionStringName = "Audit";
    public const string DefaultConnectionString = "Data Source=.data/gateway/audit.db";

    /// <summary>Most records committed in one transaction; callers waiting meanwhile share the next commit.</summary>
    [NumberRange(1, 100_000, ErrorMessage = "Audit:MaxBatchSize must be between 1 and 100000.")]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>
    /// The name of this audit log in its checkpoints: one per audit store (instances sharing a PostgreSQL store share
    /// it; instances with their own SQLite file need their own, since witnesses keep one tree per log id).
    /// </summary>
    [Required(ErrorMessage = "Audit:LogId must name this audit log.")]
    public string LogId { get; set; } = "gateway";

    /// <summary>ECDSA P-256 key signing checkpoints (created if missing); shared by the instances of one deployment.</summary>
    [Required(ErrorMessage = "Audit:SigningKeyPath must be set.")]
    public string SigningKeyPath { get; set; } = ".data/keys/audit.pem";

    /// <summary>Public audit keys that witnesses trust; the gateway writes its own there, and as a witness trusts only these.</summary>
    [Required(ErrorMessage = "Audit:TrustedLogKeysDirectory must be set.")]
    public string TrustedLogKeysDirectory { get; set; } = ".data/keys/audit-trusted";

    /// <summary>A checkpoint is made at most this long after the last one when records were added since.</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00", MinimumIsExclusive = true, ErrorMessage = "Audit:CheckpointInterval must be more than 0 and at most 1 day.")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>... or as soon as this many records were added since the last one.</summary>
    [NumberRange(1, 10_000_000, ErrorMessage = "Audit:CheckpointEveryRecords must be between 1 and 10000000.")]
    public int CheckpointEveryRecords { get; set; } = 1000;

    /// <summary>Whether the catalog (<c>Catalog:Address</c>, with the gateway's client token) witnesses the checkpoints.</summary>
    public bool WitnessCatalog { get; set; } = true;

    /// <summary>Other gateway instances that witness this log (gRPC addresses, <c>Audit:Witnesses:&lt;n&gt;</c>).</summary>
    public List<Uri> Witnesses { get; set; } = [];

    /// <summary>How long a witness may take to answer one call.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Audit:WitnessTimeout must be more than 0.")]
    public TimeSpan WitnessTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>As a witness of other instances' logs: this instance's countersigning key (created if missing).</summary>
    [Required(ErrorMessage = "Audit:WitnessKeyPath must be set.")]
    public string WitnessKeyPath { get; set; } = ".data/gateway/witness.pem";

    /// <summary>As a witness: where this instance keeps the latest checkpoint it accepted per log (not the audit store).</summary>
    [Required(ErrorMessage = "Audit:WitnessDirectory must be set.")]
    public string WitnessDirectory { get; set; } = ".data/gateway/witnessed";

    /// <summary>As a witness: the name in its countersignatures.</summary>
    public string WitnessName { get; set; } = "gateway";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Witnesses.Count; i++)
        {
            if (!Witnesses[i].IsAbsoluteUri)
                yield return new ValidationResult($"Audit:Witnesses:{i} must be an absolute gRPC address, for example https://127.0.0.1:7101 (it is {Witnesses[i]}).", [nameof(Witnesses)]);
        }
    }
}

[OptionsValidator]
internal sealed partial class AuditOptionsValidator : IValidateOptions<AuditOptions>;
