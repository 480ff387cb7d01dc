using Exchange.ExchangeContext;
using Exchange.Protos.Licence.V1;
using Exchange.Testing;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Licences.Tests;

/// <summary>
/// The public security adapter as a real process issuing identity cards, called directly with exchange contexts the
/// test makes as the gateway would (<see cref="DirectContexts"/>): lookups, validation before lookup, revocation that
/// survives kill -9. One cluster for the class (the adapter gets its exchange-context key from a catalog, so a whole
/// cluster runs and the tests call the adapter directly): only the revocation test changes state, and no other test
/// depends on the card's status.
/// </summary>
public sealed class LicenceIssuerProcessTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Service = "/exchange.licence.v1.LicenceIssuerService/";
    private const string DemoCitizen = "330106198812153739";
    private static readonly string[] LicenceItems = [.. Licence.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name)];
    private static readonly string[] KeyItems = [.. IssuerKey.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name)];

    private readonly DirectContexts _contexts = new(fixture.Cluster);

    private ServiceProcess Adapter => fixture.Cluster.PublicSecurity;

    private LicenceIssuerService.LicenceIssuerServiceClient Client => new(_contexts.Calls(Adapter));

    private Metadata Context(string method, IEnumerable<string> items) =>
        _contexts.Context(Service + method, "PUBLIC-SECURITY", "PS-LICENCE-RIDC", items);

    private async Task<Licence> DemoIdentityCardAsync()
    {
        var list = await Client.ListLicencesAsync(new ListLicencesRequest { HolderId = DemoCitizen }, Context("ListLicences", LicenceItems));
        return Assert.Single(list.Licences);
    }

    private async Task<LicenceVerifier> VerifierAsync()
    {
        var keys = await Client.ListIssuerKeysAsync(new ListIssuerKeysRequest(), Context("ListIssuerKeys", KeyItems));
        return new LicenceVerifier(keys.Keys);
    }

    [Fact]
    public async Task A_seeded_identity_card_verifies_against_the_issuer_s_published_key()
    {
        var card = await DemoIdentityCardAsync();
        var verifier = await VerifierAsync();

        Assert.Equal("RIDC", card.TypeCode);
        Assert.Equal(DemoCitizen, card.DataItems["citizen_id"]);
        Assert.Equal("111100000000130017", card.IssuerCreditCode);
        Assert.Null(LicenceNumber.Problem(card.LicenceNumber));
        Assert.True(verifier.Verify(card, DateOnly.FromDateTime(DateTime.UtcNow)).SignatureValid);
    }

    [Fact]
    public async Task Without_an_exchange_context_the_issuer_refuses_the_call()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListLicencesAsync(new ListLicencesRequest { HolderId = DemoCitizen }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task A_mistyped_number_is_invalid_argument_naming_the_field_and_an_unknown_one_is_not_found()
    {
        var card = await DemoIdentityCardAsync();
        var serialDigit = card.LicenceNumber[29] == '9' ? '8' : (char)(card.LicenceNumber[29] + 1);
        var mistyped = card.LicenceNumber[..29] + serialDigit + card.LicenceNumber[30];
        var unknown = LicenceNumber.Create("RIDC", "111100000000130017", 99_999_999);

        var invalid = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetLicenceAsync(new GetLicenceRequest { LicenceNumber = mistyped }, Context("GetLicence", LicenceItems)).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetLicenceAsync(new GetLicenceRequest { LicenceNumber = unknown }, Context("GetLicence", LicenceItems)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        var violation = Assert.Single(invalid.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("licence_number", violation.Field);
        Assert.Contains("check character", violation.Description);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_licence_is_minimised_to_the_granted_items()
    {
        var reply = await Client.ListLicencesAsync(new ListLicencesRequest { HolderId = DemoCitizen }, Context("ListLicences", ["licence_number", "status"]));

        var card = Assert.Single(reply.Licences);
        Assert.NotEmpty(card.LicenceNumber);
        Assert.Empty(card.DataItems);
        Assert.True(card.Signature.IsEmpty);
    }

    [Fact]
    public async Task Revocation_needs_a_reason_happens_once_and_survives_a_killed_process()
    {
        var card = await DemoIdentityCardAsync();
        var noReason = await Assert.ThrowsAsync<RpcException>(() => Client.RevokeLicenceAsync(
            new RevokeLicenceRequest { LicenceNumber = card.LicenceNumber, Reason = " " }, Context("RevokeLicence", LicenceItems)).ResponseAsync);

        var revoked = await Client.RevokeLicenceAsync(
            new RevokeLicenceRequest { LicenceNumber = card.LicenceNumber, Reason = "证件遗失，已补领" }, Context("RevokeLicence", LicenceItems));
        var twice = await Assert.ThrowsAsync<RpcException>(() => Client.RevokeLicenceAsync(
            new RevokeLicenceRequest { LicenceNumber = card.LicenceNumber, Reason = "again" }, Context("RevokeLicence", LicenceItems)).ResponseAsync);

        Adapter.Kill();
        await Adapter.StartAsync(TestContext.Current.CancellationToken);
        await Adapter.WaitUntilServingAsync(TestContext.Current.CancellationToken, "exchange.context.v1.ContextKeyService");
        var after = await Client.GetLicenceAsync(new GetLicenceRequest { LicenceNumber = card.LicenceNumber }, Context("GetLicence", LicenceItems));
        var verdict = (await VerifierAsync()).Verify(after.Licence, DateOnly.FromDateTime(DateTime.UtcNow));

        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal(LicenceStatus.Revoked, revoked.Licence.Status);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Equal(LicenceStatus.Revoked, after.Licence.Status);
        Assert.Equal("证件遗失，已补领", after.Licence.RevocationReason);
        Assert.Equal(revoked.Licence.RevokedAt, after.Licence.RevokedAt);
        Assert.Equal(LicenceVerificationOutcome.Revoked, verdict.Outcome);
        Assert.True(verdict.SignatureValid);
    }
}
