using System.Data.Common;
using Exchange.Gateway.Audit.Transparency;
using Exchange.Protos.Audit.V1;
using Exchange.ServiceDefaults.Tls;
using Exchange.Storage;
using Exchange.Transparency;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exchange.Gateway.Audit;

/// <summary>
/// <c>dotnet Exchange.Gateway.dll verify-audit [--witness http://catalog:7001]... [--checkpoint file.json]
/// [--timeout seconds] [--ConnectionStrings:Audit=...]</c>: checks the audit store offline against the checkpoints witnesses hold (asked at
/// each <c>--witness</c> address, or read from a saved <c>WitnessedCheckpoint</c> in proto JSON), verified with the
/// trusted audit keys (<c>Audit:TrustedLogKeysDirectory</c>) for log <c>Audit:LogId</c>. Exit codes: 0 intact and
/// witnessed; 1 tampering found (the message names it: chain broken, root mismatch, tail deleted, bad checkpoint);
/// 2 not checked against any witnessed checkpoint (none given or reachable) or the store cannot be read.
/// A witness has <c>--timeout</c> seconds to answer (env <c>EXCHANGE_TIMEOUT</c>, as for the CLI; default 10).
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public const int Intact = 0;
    public const int Tampered = 1;
    public const int NotChecked = 2;

    private const int DefaultTimeoutSeconds = 10;

    public static int Run(string[] args)
    {
        var witnesses = new List<string>();
        var checkpointFiles = new List<string>();
        var rest = new List<string>();
        var timeout = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("EXCHANGE_TIMEOUT"), out var fromEnvironment) && fromEnvironment > 0
            ? fromEnvironment
            : DefaultTimeoutSeconds);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--witness" or "--catalog" && i + 1 < args.Length)
                witnesses.Add(args[++i]);
            else if (args[i] == "--checkpoint" && i + 1 < args.Length)
                checkpointFiles.Add(args[++i]);
            else if (args[i] == "--timeout" && i + 1 < args.Length)
            {
                if (!int.TryParse(args[++i], out var seconds) || seconds <= 0)
                {
                    Console.Error.WriteLine($"--timeout takes a whole number of seconds above 0, not '{args[i]}'.");
                    return NotChecked;
                }
                timeout = TimeSpan.FromSeconds(seconds);
            }
            else
                rest.Add(args[i]);
        }
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. rest])
            .Build();
        var options = new AuditOptions();
        configuration.GetSection(AuditOptions.Section).Bind(options);
        // Witnesses are asked over TLS like everything else: the exchange CA (and certificate) of the Tls section.
        var tlsOptions = new TlsOptions();
        configuration.GetSection(TlsOptions.Section).Bind(tlsOptions);
        var tls = new TransportSecurity(Microsoft.Extensions.Options.Options.Create(tlsOptions), NullLogger<TransportSecurity>.Instance);
        StoreConnection connection;
        try
        {
            connection = StoreConnection.Parse(configuration.GetConnectionString(AuditOptions.ConnectionStringName) ?? AuditOptions.DefaultConnectionString, AuditOptions.ConnectionStringName);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return NotChecked;
        }

        var held = new List<SignedCheckpoint>();
        var unreachable = new List<string>();
        foreach (var file in checkpointFiles)
        {
            try
            {
                var message = JsonParser.Default.Parse<Protos.Audit.V1.WitnessedCheckpoint>(File.ReadAllText(file));
                held.Add(CheckpointMessages.FromMessage(message.Checkpoint));
            }
            catch (Exception ex) when (ex is IOException or InvalidProtocolBufferException or InvalidJsonException or NullReferenceException)
            {
                Console.Error.WriteLine($"Cannot read the checkpoint file {file}: {ex.Message}");
                return NotChecked;
            }
        }
        foreach (var address in witnesses)
        {
            try
            {
                using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = tls.CreateHandler(presentCertificate: false), DisposeHttpClient = true });
                var answer = new WitnessService.WitnessServiceClient(channel).GetWitnessedCheckpoint(
                    new GetWitnessedCheckpointRequest { LogId = options.LogId }, deadline: DateTime.UtcNow.Add(timeout));
                held.Add(CheckpointMessages.FromMessage(answer.Witnessed.Checkpoint));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                unreachable.Add($"{address} holds no checkpoint of log '{options.LogId}'");
            }
            catch (RpcException ex)
            {
                unreachable.Add($"{address}: {ex.StatusCode} {ex.Status.Detail}");
            }
        }

        using var store = new AuditStore(connection);
        if (!store.Exists)
        {
            Console.Error.WriteLine(held.Count > 0
                ? $"TAIL DELETED: no audit log at {store.Location}, but a witness saw {held.Max(h => h.Checkpoint.TreeSize)} records."
                : $"No audit log at {store.Location}.");
            return held.Count > 0 ? Tampered : NotChecked;
        }

        AuditLogVerification result;
        try
        {
            using var records = store.Open();
            result = AuditLogVerifier.Verify(records, options.LogId, held, TransparencyKey.LoadPublicKeys(options.TrustedLogKeysDirectory));
        }
        catch (DbException ex)
        {
            Console.Error.WriteLine($"Cannot read the audit log at {store.Location}: {ex.Message}");
            return NotChecked;
        }

        foreach (var problem in unreachable)
            Console.Error.WriteLine($"Witness not used: {problem}");
        if (!result.IsIntact)
        {
            Console.WriteLine($"Audit log BROKEN ({result.Failure}): {result.Problem} ({result.RecordsChecked} records read; {store.Location}).");
            return Tampered;
        }
        if (result.Witnessed is not { } witnessed)
        {
            Console.WriteLine($"Audit chain intact ({result.RecordsChecked} records in {store.Location}), but NOT WITNESSED: no witnessed checkpoint was given or reachable (--witness <catalog address> or --checkpoint <file>), so a deleted tail or a rewritten log cannot be ruled out.");
            return NotChecked;
        }
        Console.WriteLine($"Audit log intact: {result.RecordsChecked} records checked in {store.Location}; verified up to witnessed checkpoint {witnessed.Checkpoint.TreeSize} of {witnessed.Checkpoint.Time:u}, {result.RecordsNotYetWitnessed} records after it checked by their hash chain only.");
        return Intact;
    }
}
