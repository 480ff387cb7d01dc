using Exchange.Catalog.Identity;
using Microsoft.AspNetCore.Authorization;
using Exchange.Catalog.Domain;
using Exchange.Protos.Audit.V1;
using Exchange.ServiceDefaults.Errors;
using Exchange.Transparency;
using Grpc.Core;

namespace Exchange.Catalog.Grpc;

/// <summary>
/// exchange.audit.v1.WitnessService in the catalog: only the gateway's own client (role gateway) submits checkpoints;
/// anyone reads the latest witnessed one (a tree size, a root and signatures: nothing about the records).
/// </summary>
public sealed partial class WitnessGrpcService(CheckpointWitness witness, ILogger<WitnessGrpcService> logger) : WitnessService.WitnessServiceBase
{
    [Authorize(Policy = CatalogPolicies.Gateway)]
    public override async Task<SubmitCheckpointResponse> SubmitCheckpoint(SubmitCheckpointRequest request, ServerCallContext context)
    {
        var actor = GrpcCaller.Of(context);
        if (request.Checkpoint is null)
            throw new InvalidFieldException("checkpoint", "is required");
        if (string.IsNullOrEmpty(request.Checkpoint.LogId))
            throw new InvalidFieldException("checkpoint.log_id", "is required");
        if (request.ProofFromSize < 0)
            throw new InvalidFieldException("proof_from_size", "must not be negative");
        var (verdict, witnessed) = witness.Submit(CheckpointMessages.FromMessage(request.Checkpoint), request.ProofFromSize, CheckpointMessages.Hashes(request.ConsistencyProof));
        if (verdict.ShowsTampering)
            LogTampering(request.Checkpoint.LogId, verdict.Decision.ToString(), verdict.Reason, actor.Name);
        return verdict.Decision switch
        {
            WitnessDecision.Accepted or WitnessDecision.AlreadyHeld => new SubmitCheckpointResponse { Witnessed = CheckpointMessages.ToMessage(witnessed! with { Cosignature = witnessed.Cosignature with { WitnessName = witness.WitnessName } }) },
            WitnessDecision.UntrustedKey => throw new PermissionDeniedException($"Checkpoint refused: {verdict.Reason}."),
            WitnessDecision.BadSignature => throw new InvalidFieldException("checkpoint.signature", verdict.Reason),
            _ => throw new PreconditionFailedException($"Checkpoint refused: {verdict.Reason}.", [verdict.Decision.ToString()]),
        };
    }

    public override Task<GetWitnessedCheckpointResponse> GetWitnessedCheckpoint(GetWitnessedCheckpointRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.LogId))
            throw new InvalidFieldException("log_id", "is required");
        var held = witness.Latest(request.LogId) ?? throw new NotFoundException($"The catalog holds no checkpoint of audit log '{request.LogId}'.");
        return Task.FromResult(new GetWitnessedCheckpointResponse
        {
            Witnessed = CheckpointMessages.ToMessage(held with { Cosignature = held.Cosignature with { WitnessName = witness.WitnessName } }),
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "AUDIT LOG {LogId} REWRITTEN: the catalog refused its checkpoint ({Decision}) from {Submitter}: {Reason}")]
    private partial void LogTampering(string logId, string decision, string reason, string submitter);
}
