using Exchange.Labels;
using Exchange.Portal.Identity;
using Exchange.Protos.Audit.V1;
using Exchange.ServiceDefaults.Tls;
using Exchange.Transparency;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Exchange.Portal.Gateway;

/// <summary>Whether one record is proved to be in the audit log the witnesses vouch for.</summary>
public enum ProofState
{
    /// <summary>The inclusion proof checks against the root the catalog witnessed.</summary>
    Proved,
    /// <summary>Newer than the latest witnessed checkpoint: protected by the hash chain until the next one.</summary>
    Pending,
    /// <summary>The proof does not check: the record as shown is not the one the log committed to.</summary>
    Failed,
}

/// <summary>One use of the holder's data as the portal shows it.</summary>
public sealed record UsageEntry(
    long Sequence, string Time, string Department, string Provider, string Resource, string Method, IReadOnlyList<string> Items,
    string Case, string Purpose, string Outcome, bool Allowed, ProofState Proof, bool ByHolder)
{
    /// <summary>Said in place of the department for what the holder did through this portal (made a code, listed licences).</summary>
    public const string Holder = "您本人（政务服务门户）";

    /// <summary>
    /// A department received these items about the holder, so the holder may object to them. Not for the holder's own
    /// actions: making a presentation code records the consented items, which no department has received.
    /// </summary>
    public bool Objectable => Allowed && !ByHolder && Resource.Length > 0 && Items.Count > 0;

    /// <summary>The resource by its catalog name (居民户籍基本信息), not its code.</summary>
    public string ResourceName => DataItemTitles.ResourceName(Resource);

    /// <summary>
    /// The items by their titles (户籍地址), not their field names; licence items grouped under their licence type
    /// (居民身份证：姓名、住址；结婚证：登记日期), since several types have items of the same title.
    /// </summary>
    public string ItemTitles => string.Join("；", Items
        .GroupBy(i => i.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot ? i[..dot] : string.Empty, StringComparer.Ordinal)
        .Select(g =>
        {
            var titles = string.Join("、", g.Select(i => DataItemTitles.Of(Resource, i)).Distinct(StringComparer.Ordinal));
            return g.Key.Length == 0 ? titles : $"{LicenceSchemas.NameOf(g.Key)}：{titles}";
        }));
}

/// <summary>The holder's records and the witnessed checkpoint they were proved against (null when no witness answered).</summary>
public sealed record HolderUsage(IReadOnlyList<UsageEntry> Entries, Protos.Audit.V1.Checkpoint? Witnessed, IReadOnlyList<string> Witnesses);

/// <summary>
/// 谁用了我的数据: every audit record about the signed-in holder, read with the holder's own token (the gateway
/// confines it to that holder), each with an inclusion proof from the gateway checked here against the root that the
/// catalog, a witness outside the gateway, holds, as <c>exchange audit prove</c> does.
/// </summary>
public sealed class MyUsage : IDisposable
{
    private const int PageSize = 50;
    private readonly HolderGatewayCalls _gateway;
    private readonly GrpcChannel _catalog;

    public MyUsage(HolderGatewayCalls gateway, IOptions<PortalOptions> options, IOptions<TlsOptions> tls)
    {
        _gateway = gateway;
        _catalog = GrpcChannel.ForAddress(options.Value.CatalogAddress!, new GrpcChannelOptions
        {
            HttpHandler = Exchange.Client.ExchangeTrust.CreateHandler(tls.Value.CaPath),
        });
    }

    public async Task<HolderUsage?> ListAsync(HttpContext http)
    {
        if (await _gateway.ForHolderAsync(http) is not { } options)
            return null;
        var audit = new AuditService.AuditServiceClient(_gateway.Invoker);
        var records = (await audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { PageSize = PageSize }, options)).Records;

        Protos.Audit.V1.WitnessedCheckpoint? witnessed = null;
        var logId = records.Count > 0 ? await LogIdAsync(audit, records[0].Sequence, options) : null;
        if (logId is not null)
        {
            try
            {
                witnessed = (await new WitnessService.WitnessServiceClient(_catalog).GetWitnessedCheckpointAsync(
                    new GetWitnessedCheckpointRequest { LogId = logId }, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: http.RequestAborted)).Witnessed;
            }
            catch (RpcException)
            {
                witnessed = null;
            }
        }

        var entries = new List<UsageEntry>(records.Count);
        foreach (var record in records)
            entries.Add(Entry(record, await ProveAsync(audit, record, witnessed?.Checkpoint, options)));
        return new HolderUsage(entries, witnessed?.Checkpoint, witnessed?.Cosignatures.Select(c => c.WitnessName).ToList() ?? []);
    }

    /// <summary>The log the records are in, as the gateway names it in its proofs.</summary>
    private static async Task<string?> LogIdAsync(AuditService.AuditServiceClient audit, long sequence, CallOptions options)
    {
        try
        {
            return (await audit.GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = sequence }, options)).Checkpoint?.Checkpoint?.LogId;
        }
        catch (RpcException)
        {
            return null;
        }
    }

    private static async Task<ProofState> ProveAsync(AuditService.AuditServiceClient audit, AuditRecord record, Protos.Audit.V1.Checkpoint? witnessed, CallOptions options)
    {
        if (witnessed is null || record.Sequence > witnessed.TreeSize)
            return ProofState.Pending;
        try
        {
            var proof = await audit.GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = record.Sequence, TreeSize = witnessed.TreeSize }, options);
            return Proves(record, proof, witnessed) ? ProofState.Proved : ProofState.Failed;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.FailedPrecondition or StatusCode.OutOfRange)
        {
            return ProofState.Pending;
        }
    }

    /// <summary>
    /// The record the holder is shown, hashed here, is at its place in the tree whose root the catalog witnessed: the
    /// gateway's proof path is the only thing taken from the gateway, and a path cannot make another record fit.
    /// </summary>
    public static bool Proves(AuditRecord shown, GetInclusionProofResponse proof, Protos.Audit.V1.Checkpoint witnessed) =>
        proof.Record.Sequence == shown.Sequence
        && proof.TreeSize == witnessed.TreeSize
        && MerkleProofs.VerifyInclusion(shown.Sequence - 1, witnessed.TreeSize, AuditRecordLeaf.Hash(shown), CheckpointMessages.Hashes(proof.Proof), witnessed.RootHash.Span);

    private static UsageEntry Entry(AuditRecord record, ProofState proof)
    {
        var byHolder = string.Equals(record.ConsumerDepartmentCode, OwnClientCodes.Portal, StringComparison.Ordinal);
        return new(
            record.Sequence,
            record.Time is null ? string.Empty : BeijingTime.Format(record.Time.ToDateTimeOffset()),
            byHolder ? UsageEntry.Holder : DepartmentNames.Of(record.ConsumerDepartmentCode),
            DepartmentNames.Of(record.ProviderDepartmentCode, record.ProviderDepartmentCode),
            record.ResourceCode,
            record.Method,
            record.DataItems,
            record.CaseNumber,
            record.Purpose,
            CallOutcomes.Of(record.Status),
            CallOutcomes.Allowed(record.Status),
            proof,
            byHolder);
    }

    public void Dispose() => _catalog.Dispose();
}
