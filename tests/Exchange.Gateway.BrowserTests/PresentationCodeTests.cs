using Exchange.Protos.Audit.V1;
using Exchange.Protos.Licence.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.BrowserTests;

/// <summary>
/// 亮证 end to end, in Chromium against real issuers: a citizen makes a presentation code on a phone for the items they
/// choose, the clerk of the named department types it and sees those items and nothing beyond them, once; the uses are
/// on record without the code.
/// </summary>
public sealed class PresentationCodeTests(ClerkPageFixture fixture)
{
    private static readonly SyntheticPopulation Population = SyntheticPopulation.Generate();

    [Fact]
    public async Task A_code_made_on_the_phone_shows_the_clerk_the_chosen_items_once_and_is_on_record_without_the_code()
    {
        var wife = ClerkPageTests.Couples()[40].Wife;
        var phone = await fixture.PortalSignedInAsync(wife);
        var identityCard = phone.Locator("[data-testid=licence]").Filter(new() { HasText = "居民身份证" });
        await identityCard.Locator("[data-testid=present]").ClickAsync();
        await phone.CheckAsync("[data-testid=item-name]");
        await phone.CheckAsync("[data-testid=item-address]");
        await phone.SelectOptionAsync("[data-testid=counter]", "CIVIL-AFFAIRS");
        await BrowserFixture.ScreenshotAsync(phone, "portal-presentation-choose");
        await phone.ClickAsync("[data-testid=make-code]");
        await phone.WaitForSelectorAsync("[data-testid=presentation-code]");
        var code = (await phone.Locator("[data-testid=presentation-code]").InnerTextAsync()).Trim();
        Assert.Equal("姓名、住址", await phone.Locator("[data-testid=presentation-items]").InnerTextAsync());
        Assert.Equal("民政厅", await phone.Locator("[data-testid=presentation-counter]").InnerTextAsync());
        await BrowserFixture.AssertNoSidewaysScrollAsync(phone, "亮证");
        await BrowserFixture.ScreenshotAsync(phone, "portal-presentation-code");

        var clerk = await fixture.SignedInPageAsync();
        await ClerkPageTests.LookUpAsync(clerk, code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        var items = await clerk.Locator("[data-testid=items]").InnerTextAsync();
        Assert.Equal("有效", await clerk.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Contains("住址", items, StringComparison.Ordinal);
        Assert.DoesNotContain("民族", items, StringComparison.Ordinal);
        Assert.DoesNotContain("性别", items, StringComparison.Ordinal);
        Assert.Contains("持证人亮证授权", await clerk.Locator("[data-testid=consent]").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(clerk, "clerk-presentation-redeemed");
        await ClerkPageTests.LookUpAsync(clerk, code);
        Assert.Contains("已使用", await clerk.Locator("[data-testid=problem]").InnerTextAsync());
        Assert.Equal(0, await clerk.Locator("[data-testid=licence]").CountAsync());

        var records = (await fixture.Audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { HolderId = wife })).Records;
        var redeemed = Assert.Single(records, r => r.Method == "/clerk/Presentation" && r.Status == "OK");
        Assert.Contains("亮证码编号", redeemed.Purpose, StringComparison.Ordinal);
        Assert.Equal(["RIDC.name", "RIDC.address"], redeemed.DataItems);
        var normalised = code.Replace("-", string.Empty, StringComparison.Ordinal);
        Assert.All(records, r => Assert.DoesNotContain(normalised, r.ToString().Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_holder_cannot_make_a_code_for_another_holders_licence()
    {
        var (husband, wife) = ClerkPageTests.Couples()[41];
        var hers = (await fixture.CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = wife })).Licences.First(l => l.TypeCode == "MARC");
        var (tokens, _, _) = await HolderSignIn.SignInAsync(fixture.Cluster, husband);
        var licences = new LicenceService.LicenceServiceClient(HolderSignIn.GatewayCalls(fixture.Cluster, tokens.GetProperty("access_token").GetString()!));

        // Her marriage certificate names him too, but she holds it: he may present his own certificate only.
        var refused = await Assert.ThrowsAsync<RpcException>(() => licences.CreatePresentationAsync(new CreatePresentationRequest
        {
            LicenceNumber = hers.LicenceNumber,
            DataItems = { "husband_name" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_department_system_verifies_a_code_over_grpc_once_seeing_only_the_consented_items_and_no_other_department_can()
    {
        var husband = ClerkPageTests.Couples()[44].Husband;
        var (tokens, _, _) = await HolderSignIn.SignInAsync(fixture.Cluster, husband);
        var holder = new LicenceService.LicenceServiceClient(HolderSignIn.GatewayCalls(fixture.Cluster, tokens.GetProperty("access_token").GetString()!));
        var identityCard = (await holder.ListByHolderAsync(new ListByHolderRequest { HolderId = husband })).Licences.First(l => l.TypeCode == "RIDC");
        async Task<string> MakeCodeAsync() => (await holder.CreatePresentationAsync(new CreatePresentationRequest
        {
            LicenceNumber = identityCard.LicenceNumber,
            DataItems = { "address" },
            CounterDepartmentCode = "CIVIL-AFFAIRS",
        })).Code;
        var code = await MakeCodeAsync();

        var verified = await fixture.CivilAffairs.VerifyAsync(new VerifyRequest { PresentationCode = code });
        var again = await Assert.ThrowsAsync<RpcException>(() => fixture.CivilAffairs.VerifyAsync(new VerifyRequest { PresentationCode = code }).ResponseAsync);
        var marketRegulation = new LicenceService.LicenceServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.MarketRegulation));
        var forCivilAffairs = await MakeCodeAsync();
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => marketRegulation.VerifyAsync(new VerifyRequest { PresentationCode = forCivilAffairs }).ResponseAsync);

        Assert.True(verified.Verification.Valid);
        Assert.Equal(identityCard.LicenceNumber, verified.Licence.LicenceNumber);
        Assert.Equal(["address"], verified.Licence.DataItems.Keys);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("already used", again.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, elsewhere.StatusCode);
        Assert.Contains("another counter", elsewhere.Status.Detail, StringComparison.Ordinal);
        var records = (await fixture.Audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { HolderId = husband })).Records;
        // Recorded as a use of the issuer's licence resource, on the holder's consent (the code's id), with the items shown.
        var redeemed = Assert.Single(records, r => r.Purpose.Contains("亮证码编号", StringComparison.Ordinal) && r.Status == "OK");
        Assert.Equal(["RIDC.holder_name", "RIDC.address"], redeemed.DataItems);
        Assert.All(records, r => Assert.DoesNotContain(code.Replace("-", string.Empty, StringComparison.Ordinal), r.ToString().Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }
}
