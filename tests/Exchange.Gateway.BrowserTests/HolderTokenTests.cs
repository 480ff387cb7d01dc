using Exchange.Protos.Audit.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.BrowserTests;

/// <summary>
/// What a holder's token (the portal's, after a holder signed in at the catalog) may do at the gateway: that holder's
/// own licences and records, nothing about anyone else, no department data; and how the catalog guards the sign-in.
/// </summary>
public sealed class HolderTokenTests(ClerkPageFixture fixture)
{
    private static readonly SyntheticPopulation Population = SyntheticPopulation.Generate();

    [Fact]
    public async Task A_holder_token_lists_its_own_licences_and_never_another_holders()
    {
        var (me, other) = Couple(30);
        var calls = await HolderCallsAsync(me);
        var licences = new LicenceService.LicenceServiceClient(calls);

        var mine = await licences.ListByHolderAsync(new ListByHolderRequest { HolderId = me });
        Assert.Contains(mine.Licences, l => l.TypeCode == "RIDC" && l.HolderId == me);

        var theirs = await Assert.ThrowsAsync<RpcException>(() => licences.ListByHolderAsync(new ListByHolderRequest { HolderId = other }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, theirs.StatusCode);
        var number = mine.Licences.First().LicenceNumber;
        var get = await Assert.ThrowsAsync<RpcException>(() => licences.GetAsync(new GetRequest { LicenceNumber = number }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, get.StatusCode);
    }

    [Fact]
    public async Task A_holder_token_reaches_no_department_data_resource()
    {
        var (me, other) = Couple(31);
        var population = new PopulationService.PopulationServiceClient(await HolderCallsAsync(me));

        var refused = await Assert.ThrowsAsync<RpcException>(() => population.GetResidentAsync(new GetResidentRequest { CitizenId = other }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task A_holder_token_reads_the_audit_records_about_its_holder_only()
    {
        var (me, other) = Couple(32);
        await fixture.CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = me });
        await fixture.CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = other });
        var audit = new AuditService.AuditServiceClient(await HolderCallsAsync(me));

        var mine = await audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest());
        Assert.NotEmpty(mine.Records);
        Assert.All(mine.Records, r => Assert.Equal(me, r.HolderId));
        Assert.Contains(mine.Records, r => r.ConsumerDepartmentCode == "CIVIL-AFFAIRS");
        var theirs = await Assert.ThrowsAsync<RpcException>(() => audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { HolderId = other }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, theirs.StatusCode);
    }

    [Fact]
    public async Task An_authorization_code_is_redeemed_once()
    {
        var (me, _) = Couple(33);
        var (_, code, verifier) = await HolderSignIn.SignInAsync(fixture.Cluster, me);

        Assert.Null(await HolderSignIn.RedeemAsync(fixture.Cluster, code, verifier));
    }

    private async Task<CallInvoker> HolderCallsAsync(string holderId)
    {
        var (tokens, _, _) = await HolderSignIn.SignInAsync(fixture.Cluster, holderId);
        return HolderSignIn.GatewayCalls(fixture.Cluster, tokens.GetProperty("access_token").GetString()!);
    }

    private static (string, string) Couple(int index)
    {
        var registrations = Population.MarriageRegistrations;
        return registrations
            .Where(m => m.Kind == MarriageRegistrationKind.Marriage)
            .Where(m => registrations.Count(o => o.HusbandCitizenId == m.HusbandCitizenId || o.WifeCitizenId == m.WifeCitizenId) == 1)
            .Select(m => (m.HusbandCitizenId, m.WifeCitizenId))
            .ElementAt(index);
    }
}
