using Exchange.Client;
using Exchange.Protos.Audit.V1;
using Exchange.Protos.Licence.V1;

namespace Exchange.Gateway.BrowserTests;

/// <summary>
/// Case numbers as a marriage registry writes them (Chinese, with brackets) reach the audit log exactly as typed, from the
/// clerk page and in gRPC metadata. They read civil affairs' newest records, so they run alone (<see cref="GatewayRecordsCollection"/>).
/// </summary>
[Collection(GatewayRecordsCollection.Name)]
public sealed class AuditCaseNumberTests(ClerkPageFixture fixture)
{
    [Fact]
    public async Task A_Chinese_case_number_is_recorded_in_the_audit_log_exactly_as_typed()
    {
        var licence = await fixture.MarriageCertificateAsync(couple: 12);
        var caseNumber = $"民婚字(2026)第{Random.Shared.Next(1000, 9999)}号";
        var page = await fixture.SignedInPageAsync();

        await ClerkPageTests.LookUpAsync(page, licence.LicenceNumber, caseNumber);
        Assert.Equal("有效", await page.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Equal(caseNumber, await page.InputValueAsync("[data-testid=case]"));

        var records = (await fixture.Audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { ConsumerDepartmentCode = "CIVIL-AFFAIRS", PageSize = 50 })).Records;
        Assert.Contains(records, r => r.CaseNumber == caseNumber && r.Method.StartsWith("/clerk/", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.CaseNumber.StartsWith("COUNTER-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Chinese_case_number_in_gRPC_metadata_reaches_the_audit_log_as_written()
    {
        var husband = ClerkPageTests.Couples()[13].Husband;
        var caseNumber = $"民婚字(2026)第{Random.Shared.Next(1000, 9999)}号";

        await fixture.CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = husband }, ExchangeCallCredentials.ForCase(caseNumber, "办理婚姻登记"));

        var records = (await fixture.Audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { ConsumerDepartmentCode = "CIVIL-AFFAIRS", PageSize = 50 })).Records;
        Assert.Contains(records, r => r.CaseNumber == caseNumber);
    }
}
