using Exchange.Gateway.Audit;

namespace Exchange.Gateway.UnitTests.Audit;

public sealed class AuditOptionsTests
{
    private static readonly AuditOptionsValidator Validator = new();

    [Fact]
    public void Defaults_and_a_witness_are_valid() =>
        OptionsAssert.Valid(Validator, new AuditOptions { Witnesses = [new Uri("https://127.0.0.1:7101")] });

    [Fact]
    public void Batches_and_checkpoints_are_bounded()
    {
        OptionsAssert.Fails(Validator, new AuditOptions { MaxBatchSize = 0 }, "Audit:MaxBatchSize must be between 1 and 100000.");
        OptionsAssert.Fails(Validator, new AuditOptions { CheckpointInterval = TimeSpan.FromDays(2) }, "Audit:CheckpointInterval must be more than 0 and at most 1 day.");
        OptionsAssert.Fails(Validator, new AuditOptions { CheckpointEveryRecords = 0 }, "Audit:CheckpointEveryRecords must be between 1 and 10000000.");
        OptionsAssert.Fails(Validator, new AuditOptions { WitnessTimeout = TimeSpan.Zero }, "Audit:WitnessTimeout must be more than 0.");
    }

    [Fact]
    public void Log_id_and_key_locations_must_be_set()
    {
        OptionsAssert.Fails(Validator, new AuditOptions { LogId = "" }, "Audit:LogId must name this audit log.");
        OptionsAssert.Fails(Validator, new AuditOptions { SigningKeyPath = "" }, "Audit:SigningKeyPath must be set.");
        OptionsAssert.Fails(Validator, new AuditOptions { WitnessDirectory = " " }, "Audit:WitnessDirectory must be set.");
    }

    [Fact]
    public void A_witness_is_named_by_its_index() =>
        OptionsAssert.Fails(Validator, new AuditOptions { Witnesses = [new Uri("https://127.0.0.1:7101"), new Uri("gateway-2", UriKind.Relative)] },
            "Audit:Witnesses:1 must be an absolute gRPC address");
}
