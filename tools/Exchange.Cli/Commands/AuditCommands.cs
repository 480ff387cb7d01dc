using System.CommandLine;
using Exchange.Protos.Audit.V1;
using Exchange.Transparency;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Cli.Commands;

/// <summary>`exchange audit ...`: read the gateway's audit log, verify it against its witnesses, prove one record is in it.</summary>
internal static class AuditCommands
{
    /// <summary>Exit codes of verify and prove: 0 verified, 1 tampering found or a proof that fails, 2 not checked against a witness.</summary>
    public const int Tampered = 1;
    public const int NotChecked = 2;

    public static Command Create()
    {
        var holder = new Option<string>("--holder") { Description = "Citizen id or credit code the data was about" };
        var resource = new Option<string>("--resource") { Description = "Resource code" };
        var consumer = new Option<string>("--consumer") { Description = "Consumer department code" };
        var limit = new Option<int>("--limit") { Description = "At most this many records", DefaultValueFactory = _ => 20 };

        var query = new Command("query", "Records the --client department took part in, newest first") { holder, resource, consumer, limit };
        query.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse, (invoker, options) => new AuditService.AuditServiceClient(invoker)
            .QueryAuditRecordsAsync(new QueryAuditRecordsRequest
            {
                HolderId = parse.GetValue(holder) ?? string.Empty,
                ResourceCode = parse.GetValue(resource) ?? string.Empty,
                ConsumerDepartmentCode = parse.GetValue(consumer) ?? string.Empty,
                PageSize = parse.GetValue(limit),
            }, options).ResponseAsync, ct));

        var verify = new Command("verify",
            "Check the audit log against the latest checkpoint its witnesses hold; exit 1 when it was tampered with (the message names how), 2 when no witness could vouch for it");
        verify.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse, (invoker, options) => new AuditService.AuditServiceClient(invoker)
            .VerifyAuditChainAsync(new VerifyAuditChainRequest(), options).ResponseAsync, ct, VerifyExitCode));

        var sequence = new Argument<long>("sequence") { Description = "The record's sequence number" };
        var logId = new Option<string>("--log-id") { Description = "The audit log's id at the witness (Audit:LogId); default: the one the gateway names" };
        var prove = new Command("prove",
            "Prove one record is in the audit log: the gateway's inclusion proof, checked here against the checkpoint the catalog witnessed; exit 1 when it does not verify")
            { sequence, logId };
        prove.SetAction((parse, ct) => ProveAsync(parse, parse.GetValue(sequence), parse.GetValue(logId), ct));

        return new Command("audit", "The gateway's tamper-evident audit log (电子监察)") { query, verify, prove };
    }

    private static int VerifyExitCode(VerifyAuditChainResponse reply)
    {
        if (reply.Intact)
        {
            Console.Error.WriteLine($"audit log intact: {reply.RecordsChecked} records, verified up to witnessed checkpoint {reply.WitnessedCheckpoint?.TreeSize ?? 0}");
            return 0;
        }
        Console.Error.WriteLine($"audit log NOT VERIFIED ({reply.Failure}): {reply.Problem}");
        return reply.Failure == AuditFailure.WitnessesUnavailable ? NotChecked : Tampered;
    }

    private static async Task<int> ProveAsync(ParseResult parse, long sequence, string? logId, CancellationToken cancellationToken)
    {
        GetInclusionProofResponse? proof = null;
        var status = await RpcCall.ViaGatewayAsync(parse, async (invoker, options) => proof = await new AuditService.AuditServiceClient(invoker)
            .GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = sequence }, options), cancellationToken);
        if (status != 0 || proof is null)
            return status;
        logId ??= proof.Checkpoint?.Checkpoint?.LogId ?? "gateway";

        // The root comes from the catalog, never from the gateway that made the proof.
        Protos.Audit.V1.Checkpoint witnessed;
        var catalog = parse.GetValue(GlobalOptions.Catalog)!;
        try
        {
            using var channel = GrpcChannel.ForAddress(catalog, new GrpcChannelOptions { HttpHandler = GlobalOptions.CreateHandler(parse), DisposeHttpClient = true });
            witnessed = (await new WitnessService.WitnessServiceClient(channel).GetWitnessedCheckpointAsync(
                new GetWitnessedCheckpointRequest { LogId = logId }, deadline: GlobalOptions.DeadlineFromNow(parse), cancellationToken: cancellationToken)).Witnessed.Checkpoint;
        }
        catch (RpcException ex)
        {
            Console.Error.WriteLine($"error: the catalog at {catalog} could not give the witnessed checkpoint of log '{logId}': {ex.StatusCode} {ex.Status.Detail}");
            return NotChecked;
        }
        if (witnessed.TreeSize != proof.TreeSize)
        {
            status = await RpcCall.ViaGatewayAsync(parse, async (invoker, options) => proof = await new AuditService.AuditServiceClient(invoker)
                .GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = sequence, TreeSize = witnessed.TreeSize }, options), cancellationToken);
            if (status != 0)
                return status;
        }
        var leaf = AuditRecordLeaf.Hash(proof.Record);
        if (proof.Record.Sequence != sequence
            || !MerkleProofs.VerifyInclusion(sequence - 1, witnessed.TreeSize, leaf, CheckpointMessages.Hashes(proof.Proof), witnessed.RootHash.Span))
        {
            Console.Error.WriteLine($"PROOF FAILED: record {sequence} as the gateway shows it is not in the tree of {witnessed.TreeSize} records the catalog witnessed (log '{logId}')");
            return Tampered;
        }
        Console.Error.WriteLine($"record {sequence} is in the audit log: proved against the catalog's witnessed checkpoint of {witnessed.TreeSize} records ({DateTimeOffset.FromUnixTimeMilliseconds(witnessed.TimeUnixMillis):u})");
        return 0;
    }
}
