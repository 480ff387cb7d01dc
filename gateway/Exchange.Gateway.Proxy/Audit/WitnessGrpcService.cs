using Exchange.Protos.Audit.V1;
using Exchange.ServiceDefaults.Errors;
using Exchange.Transparency;
using Grpc.Core;

namespace Exchange.Gateway.Audit;

/// <summary>
/// This gateway as a witness of the other instances' audit logs. Submissions need no token: a checkpoint is accepted
/// only when a trusted audit key signed it and it extends what this witness holds, so a submitter can only move the
/// witness forward along the log the key's holder signed; refusals that show a rewritten log are logged as errors.
/// </summary>
internal sealed partial class WitnessGrpcService(CheckpointWitness witness, ILogger<WitnessGrpcService> logger) : WitnessService.WitnessServiceBase
{
    public override Task<SubmitCheckpointResponse> SubmitCheckpoint(SubmitCheckpointRequest request, ServerCallContext context) =>
        Task.FromResult(new SubmitCheckpointResponse { Witnessed = WitnessCalls.Submit(witness, request, logger) });

    public override Task<GetWitnessedCheckpointResponse> GetWitnessedCheckpoint(GetWitnessedCheckpointRequest request, ServerCallContext context) =>
        Task.FromResult(new GetWitnessedCheckpointResponse { Witnessed = WitnessCalls.Latest(witness, request.LogId) });
}

/// <summary>The witness service's rules as gRPC answers, for the gateway's witness (the catalog has its own copy of this mapping).</summary>
internal static partial class WitnessCalls
{
    public static Protos.Audit.V1.WitnessedCheckpoint Submit(CheckpointWitness witness, SubmitCheckpointRequest request, ILogger logger)
    {
        if (request.Checkpoint is null)
            throw new InvalidFieldException("checkpoint", "is required");
        if (string.IsNullOrEmpty(request.Checkpoint.LogId))
            throw new InvalidFieldException("checkpoint.log_id", "is required");
        if (request.ProofFromSize < 0)
            throw new InvalidFieldException("proof_from_size", "must not be negative");
        var (verdict, witnessed) = witness.Submit(CheckpointMessages.FromMessage(request.Checkpoint), request.ProofFromSize, CheckpointMessages.Hashes(request.ConsistencyProof));
        if (verdict.ShowsTampering)
            LogTampering(logger, request.Checkpoint.LogId, verdict.Decision.ToString(), verdict.Reason);
        return verdict.Decision switch
        {
            WitnessDecision.Accepted or WitnessDecision.AlreadyHeld => CheckpointMessages.ToMessage(witnessed!),
            WitnessDecision.UntrustedKey => throw new PermissionDeniedException($"Checkpoint refused: {verdict.Reason}."),
            WitnessDecision.BadSignature => throw new InvalidFieldException("checkpoint.signature", verdict.Reason),
            _ => throw new PreconditionFailedException($"Checkpoint refused: {verdict.Reason}.", [verdict.Decision.ToString()]),
        };
    }

    public static Protos.Audit.V1.WitnessedCheckpoint Latest(CheckpointWitness witness, string logId)
    {
        if (string.IsNullOrEmpty(logId))
            throw new InvalidFieldException("log_id", "is required");
        return witness.Latest(logId) is { } held
            ? CheckpointMessages.ToMessage(held)
            : throw new NotFoundException($"This witness holds no checkpoint of audit log '{logId}'.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "AUDIT LOG {LogId} REWRITTEN: witness refused its checkpoint ({Decision}): {Reason}")]
    private static partial void LogTampering(ILogger logger, string logId, string decision, string reason);
}
