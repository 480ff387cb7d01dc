using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Licence use is purpose-bound (issue 12, findings 1, 2 and the forged QR of 5): a department sees a licence type only
/// under a grant or the service item it handles, and only the items these name; ListUsage shows a department its own
/// uses and an issuer the uses of its licences; a forged QR is a failed verification that shows nothing.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class LicencePurposeTests(RecordedClusterFixture fixture)
{
    private const string Resident = "330106198812153739";
    private const string MarriageCertificate = "MARC11110000000015003U000000011";
    private const string ServiceItemHeader = "x-exchange-service-item";

    private ExchangeCluster Cluster => fixture.Cluster;

    private LicenceService.LicenceServiceClient As(string client, string caseNumber = "TEST-2026-000001") => LicenceCalls.As(Cluster, client, caseNumber);

    private static Metadata ForServiceItem(string code) => new() { { ServiceItemHeader, code } };

    [Fact]
    public async Task Civil_affairs_gets_only_the_identity_card_items_its_grant_names()
    {
        var response = await As(ExchangeClients.CivilAffairs).ListByHolderAsync(new ListByHolderRequest { HolderId = Resident });

        var card = Assert.Single(response.Licences, l => l.TypeCode == "RIDC");
        Assert.Equal("郭建平", card.DataItems["name"]);
        Assert.DoesNotContain("address", card.DataItems.Keys);
        Assert.DoesNotContain("ethnicity", card.DataItems.Keys);
        Assert.DoesNotContain("citizen_id", card.DataItems.Keys);
        Assert.Equal(string.Empty, card.HolderId);
        Assert.True(card.Signature.IsEmpty, "a partial licence carries no signature over fields the caller cannot see");
    }

    [Fact]
    public async Task Market_regulation_without_a_marriage_grant_cannot_get_a_marriage_certificate()
    {
        var ex = await LicenceCalls.FailsAsync(() => As(ExchangeClients.MarketRegulation)
            .GetAsync(new GetRequest { LicenceNumber = MarriageCertificate }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("CA-ELICENCE", ex.Status.Detail);
        Assert.DoesNotContain("citizen", ex.Status.Detail);
    }

    [Fact]
    public async Task Verifying_a_presented_licence_without_a_grant_answers_only_validity_type_issuer_holder_name_and_dates()
    {
        var response = await As(ExchangeClients.MarketRegulation).VerifyAsync(new VerifyRequest { LicenceNumber = MarriageCertificate });

        Assert.True(response.Verification.Valid, response.Verification.Reason);
        Assert.Equal(MarriageCertificate, response.Licence.LicenceNumber);
        Assert.Equal("MARC", response.Licence.TypeCode);
        Assert.Equal("CIVIL-AFFAIRS", response.Licence.IssuerDepartmentCode);
        Assert.NotEmpty(response.Licence.HolderName);
        Assert.NotEmpty(response.Licence.IssueDate);
        Assert.Empty(response.Licence.DataItems);
        Assert.Equal(string.Empty, response.Licence.HolderId);
        Assert.True(response.Licence.Signature.IsEmpty);
    }

    [Fact]
    public async Task A_service_item_lets_its_department_use_the_licence_types_of_its_materials_with_their_items()
    {
        var withoutItem = await LicenceCalls.FailsAsync(() => As(ExchangeClients.PublicSecurity)
            .GetAsync(new GetRequest { LicenceNumber = MarriageCertificate }).ResponseAsync);
        var withItem = await As(ExchangeClients.PublicSecurity)
            .GetAsync(new GetRequest { LicenceNumber = MarriageCertificate }, ForServiceItem("PS-HOUSEHOLD-MOVE-SPOUSE"));

        Assert.Equal(StatusCode.PermissionDenied, withoutItem.StatusCode);
        Assert.True(withItem.Verification.Valid, withItem.Verification.Reason);
        Assert.NotEmpty(withItem.Licence.DataItems["husband_citizen_id"]);
        Assert.NotEmpty(withItem.Licence.DataItems["wife_citizen_id"]);
        Assert.DoesNotContain("registration_office", withItem.Licence.DataItems.Keys);
    }

    [Fact]
    public async Task A_service_item_of_another_department_grants_nothing()
    {
        var ex = await LicenceCalls.FailsAsync(() => As(ExchangeClients.MarketRegulation)
            .GetAsync(new GetRequest { LicenceNumber = MarriageCertificate }, ForServiceItem("PS-HOUSEHOLD-MOVE-SPOUSE")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("PUBLIC-SECURITY", ex.Status.Detail);
    }

    [Fact]
    public async Task ListUsage_shows_a_department_its_own_uses_and_an_issuer_the_uses_of_its_licences()
    {
        var caseNumber = $"SCOPE-{Guid.NewGuid():N}"[..24];
        await As(ExchangeClients.CivilAffairs, caseNumber).ListByHolderAsync(new ListByHolderRequest { HolderId = Resident });

        var own = await As(ExchangeClients.CivilAffairs).ListUsageAsync(new ListUsageRequest { HolderId = Resident });
        var issuer = await As(ExchangeClients.PublicSecurity).ListUsageAsync(new ListUsageRequest { HolderId = Resident });
        var other = await As(ExchangeClients.MarketRegulation).ListUsageAsync(new ListUsageRequest { HolderId = Resident });

        Assert.Contains(own.Usages, u => u.CaseNumber == caseNumber && u.TypeCode == "MARC");
        Assert.Contains(own.Usages, u => u.CaseNumber == caseNumber && u.TypeCode == "RIDC");
        Assert.Contains(issuer.Usages, u => u.CaseNumber == caseNumber && u.TypeCode == "RIDC");
        Assert.DoesNotContain(issuer.Usages, u => u.CaseNumber == caseNumber && u.TypeCode == "MARC");
        Assert.All(other.Usages, u => Assert.Equal("MARKET-REGULATION", u.ConsumerDepartmentCode));
    }

    [Fact]
    public async Task A_forged_QR_is_recorded_as_a_failed_verification_and_shows_nothing()
    {
        var genuine = (await As(ExchangeClients.CivilAffairs).GetAsync(new GetRequest { LicenceNumber = MarriageCertificate })).Licence;
        var forged = genuine.Clone();
        forged.DataItems["wife_name"] = "伪造的姓名";
        var caseNumber = $"FORGED-{Guid.NewGuid():N}"[..24];

        var response = await As(ExchangeClients.CivilAffairs, caseNumber).VerifyAsync(new VerifyRequest { QrPayload = LicenceQrPayload.Encode(forged) });
        var uses = await As(ExchangeClients.CivilAffairs).ListUsageAsync(new ListUsageRequest { HolderId = genuine.HolderId });

        Assert.False(response.Verification.Valid);
        Assert.Equal(VerificationOutcome.BadSignature, response.Verification.Outcome);
        Assert.Empty(response.Licence.DataItems);
        Assert.Equal(string.Empty, response.Licence.HolderName);
        Assert.Equal(string.Empty, response.Licence.HolderId);
        var recorded = Assert.Single(uses.Usages, u => u.CaseNumber == caseNumber);
        Assert.Equal("VerifyFailed", recorded.Action);
    }
}
