using System.Security.Cryptography;
using Exchange.Gateway.Audit;
using Exchange.Gateway.Audit.Transparency;
using Exchange.Protos.Audit.V1;
using Exchange.ServiceDefaults.Errors;
using Exchange.Transparency;
using Grpc.Core;
using Microsoft.Extensions.Logging.Testing;

namespace Exchange.Gateway.UnitTests.InProcess;

/// <summary>
/// A witness of a <see cref="GatewayHost"/>'s audit log in this process: the witness rules every witness applies
/// (<see cref="CheckpointWitness"/> with the gateway's own gRPC mapping, <c>WitnessCalls</c>) over a file ledger outside
/// the host's store, trusting the keys in the host's <c>Audit:TrustedLogKeysDirectory</c>. It outlives the hosts a test
/// starts one after another on one store, as the catalog outlives a gateway's restarts.
/// </summary>
public sealed class InProcessWitness : WitnessService.WitnessServiceClient, IDisposable
{
    private readonly CheckpointWitness _witness;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public InProcessWitness(string trustedLogKeysDirectory, string ledgerDirectory)
    {
        _witness = new CheckpointWitness(new FileWitnessLedger(ledgerDirectory), new DirectoryTrustedLogKeys(trustedLogKeysDirectory), _key, "in-process witness", TimeProvider.System);
    }

    /// <summary>What this witness logged; a refused rewrite is an error naming the log as REWRITTEN.</summary>
    public FakeLogCollector Log { get; } = new();

    /// <summary>What the witness holds for <paramref name="logId"/>, as a witness answers it (null: nothing yet).</summary>
    public Protos.Audit.V1.WitnessedCheckpoint? Held(string logId) =>
        _witness.Latest(logId) is null ? null : WitnessCalls.Latest(_witness, logId);

    /// <summary>The gateway's witness list with this witness alone.</summary>
    internal AuditWitnesses AsWitnesses() => new([new AuditWitness("in-process witness", new Uri("https://witness.test"), this, null)], TimeSpan.FromSeconds(30));

    public override AsyncUnaryCall<SubmitCheckpointResponse> SubmitCheckpointAsync(SubmitCheckpointRequest request, CallOptions options) =>
        Answer(() => new SubmitCheckpointResponse { Witnessed = WitnessCalls.Submit(_witness, request, new FakeLogger(Log)) });

    public override AsyncUnaryCall<GetWitnessedCheckpointResponse> GetWitnessedCheckpointAsync(GetWitnessedCheckpointRequest request, CallOptions options) =>
        Answer(() => new GetWitnessedCheckpointResponse { Witnessed = WitnessCalls.Latest(_witness, request.LogId) });

    // Refusals answer with the status every service's error interceptor gives them.
    private static AsyncUnaryCall<T> Answer<T>(Func<T> call)
    {
        Task<T> response;
        try
        {
            response = Task.FromResult(call());
        }
        catch (ExchangeException ex)
        {
            response = Task.FromException<T>(ExchangeStatus.Of(ex)!);
        }
        return new AsyncUnaryCall<T>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public void Dispose() => _key.Dispose();
}
