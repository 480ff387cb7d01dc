using Exchange.Licences;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Testing;
using Google.Protobuf;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Lookups and verification through the gateway's licence service, on the shared cluster (nothing is revoked here).</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class LicenceServiceTests(RecordedClusterFixture fixture)
{
    private ExchangeCluster Cluster => fixture.Cluster;

    private LicenceService.LicenceServiceClient CivilAffairs => LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs);

    [Fact]
    public async Task A_married_resident_gets_licences_of_two_issuers_in_one_call()
    {
        var (husband, _) = LicenceHolders.MarriedCouples[0];

        var response = await CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = husband });

        Assert.True(response.Complete);
        Assert.Equal(3, response.Issuers.Count);
        Assert.All(response.Issuers.Where(i => i.IssuerDepartmentCode != "MARKET-REGULATION"), i => Assert.True(i.Answered, i.Problem));
        // Civil affairs holds no grant on business licences: that issuer is not asked, and says why.
        Assert.Contains("MR-ELICENCE", response.Issuers.Single(i => i.IssuerDepartmentCode == "MARKET-REGULATION").Problem);
        Assert.Contains(response.Licences, l => l.TypeCode == "MARC" && l.IssuerDepartmentCode == "CIVIL-AFFAIRS" && l.HolderId == husband);
        Assert.Contains(response.Licences, l => l.TypeCode == "RIDC" && l.IssuerDepartmentCode == "PUBLIC-SECURITY");
        Assert.All(response.Licences, l => Assert.Equal(LicenceStatus.Valid, l.Status));
    }

    [Fact]
    public async Task An_enterprise_gets_its_business_licence()
    {
        var enterprise = LicenceHolders.Enterprises.First(e => e.Status == Exchange.SyntheticData.EnterpriseStatus.Active);

        // Asked at a counter handling an enterprise change, the item whose materials name the business licence.
        var licence = (await LicenceCalls.As(Cluster, ExchangeClients.MarketRegulation).ListByHolderAsync(
                new ListByHolderRequest { HolderId = enterprise.CreditCode }, new Metadata { { "x-exchange-service-item", "MR-ENTERPRISE-CHANGE-REGISTRATION" } }))
            .Licences.FirstOrDefault(l => l.TypeCode == "BLIC");

        Assert.NotNull(licence);
        Assert.Equal(enterprise.Name, licence.HolderName);
        Assert.Equal("MARKET-REGULATION", licence.IssuerDepartmentCode);
    }

    [Fact]
    public async Task An_unknown_holder_has_no_licences()
    {
        var response = await CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = SeededPopulation.UnknownCitizenId() });

        Assert.Empty(response.Licences);
        Assert.True(response.Complete);
    }

    [Theory]
    [InlineData("")]
    [InlineData("33010619881215373X")]
    [InlineData("12345")]
    public async Task A_malformed_holder_id_is_refused_naming_the_field(string holderId)
    {
        var ex = await LicenceCalls.FailsAsync(() => CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = holderId }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("holder_id", ex.Status.Detail);
    }

    [Fact]
    public async Task Get_returns_the_licence_verified_with_a_QR_payload_that_verifies()
    {
        var number = (await AnyMarriageCertificateAsync()).LicenceNumber;

        var got = await CivilAffairs.GetAsync(new GetRequest { LicenceNumber = number });
        var byQr = await CivilAffairs.VerifyAsync(new VerifyRequest { QrPayload = got.QrPayload });

        Assert.True(got.Verification.Valid, got.Verification.Reason);
        Assert.True(got.Verification.SignatureValid);
        Assert.Equal(VerificationOutcome.Valid, got.Verification.Outcome);
        Assert.StartsWith(LicenceQrPayload.Prefix, got.QrPayload);
        Assert.True(byQr.Verification.Valid, byQr.Verification.Reason);
        Assert.Equal(number, byQr.Licence.LicenceNumber);
    }

    [Fact]
    public async Task A_QR_payload_with_a_changed_data_item_fails_the_signature_check()
    {
        var licence = (await CivilAffairs.GetAsync(new GetRequest { LicenceNumber = (await AnyMarriageCertificateAsync()).LicenceNumber })).Licence;
        var forged = licence.Clone();
        forged.DataItems["registration_office"] = "伪造的登记机关";

        var response = await CivilAffairs.VerifyAsync(new VerifyRequest { QrPayload = LicenceQrPayload.Encode(forged) });

        Assert.False(response.Verification.Valid);
        Assert.False(response.Verification.SignatureValid);
        Assert.Equal(VerificationOutcome.BadSignature, response.Verification.Outcome);
    }

    [Theory]
    [InlineData("EXL1:not base64!")]
    [InlineData("EXL1:AAAA")]
    public async Task An_unreadable_QR_payload_is_invalid(string payload)
    {
        var ex = await LicenceCalls.FailsAsync(() => CivilAffairs.VerifyAsync(new VerifyRequest { QrPayload = payload }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("qr_payload", ex.Status.Detail);
    }

    [Fact]
    public async Task A_typed_number_is_trimmed_and_upper_cased()
    {
        var number = (await AnyMarriageCertificateAsync()).LicenceNumber;

        var response = await CivilAffairs.VerifyAsync(new VerifyRequest { LicenceNumber = $"  {number.ToLowerInvariant()} " });

        Assert.Equal(number, response.Licence.LicenceNumber);
    }

    [Fact]
    public async Task A_mistyped_number_is_caught_by_its_check_character()
    {
        var number = (await AnyMarriageCertificateAsync()).LicenceNumber;
        var mistyped = number[..^1] + (number[^1] == '0' ? '1' : '0');

        var ex = await LicenceCalls.FailsAsync(() => CivilAffairs.VerifyAsync(new VerifyRequest { LicenceNumber = mistyped }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("check character", ex.Status.Detail);
    }

    [Fact]
    public async Task A_well_formed_number_nobody_issued_is_not_found()
    {
        var number = (await AnyMarriageCertificateAsync()).LicenceNumber;
        var unissued = LicenceNumber.Create("MARC", LicenceNumber.IssuerCreditCodeOf(number), 99_999_999);

        var ex = await LicenceCalls.FailsAsync(() => CivilAffairs.GetAsync(new GetRequest { LicenceNumber = unissued }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Only_the_issuer_may_revoke_and_a_refusal_changes_nothing()
    {
        var number = (await AnyMarriageCertificateAsync()).LicenceNumber;

        var ex = await LicenceCalls.FailsAsync(() => LicenceCalls.As(Cluster, ExchangeClients.PublicSecurity)
            .RevokeAsync(new RevokeRequest { LicenceNumber = number, Reason = "测试" }).ResponseAsync);
        var after = await CivilAffairs.VerifyAsync(new VerifyRequest { LicenceNumber = number });

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("CIVIL-AFFAIRS", ex.Status.Detail);
        Assert.True(after.Verification.Valid);
    }

    [Fact]
    public async Task Every_use_is_recorded_for_the_holder_with_department_and_case()
    {
        var licence = await AnyMarriageCertificateAsync();
        var caseNumber = $"USE-{Guid.NewGuid():N}"[..24];

        await LicenceCalls.As(Cluster, ExchangeClients.MarketRegulation, caseNumber).VerifyAsync(new VerifyRequest { LicenceNumber = licence.LicenceNumber });
        var uses = await CivilAffairs.ListUsageAsync(new ListUsageRequest { HolderId = licence.HolderId });

        var use = Assert.Single(uses.Usages, u => u.CaseNumber == caseNumber);
        Assert.Equal("MARKET-REGULATION", use.ConsumerDepartmentCode);
        Assert.Equal(licence.LicenceNumber, use.LicenceNumber);
        Assert.Equal("Verify", use.Action);
    }

    [Fact]
    public async Task Every_seeded_service_item_is_checked_material_by_material()
    {
        var items = (await new ServiceItemService.ServiceItemServiceClient(Cluster.Catalog.Channel).ListServiceItemsAsync(new ListServiceItemsRequest())).ServiceItems;
        Assert.True(items.Count >= 5, $"expected at least 5 seeded service items, found {items.Count}");
        var before = await CivilAffairs.GetMaterialStatisticsAsync(new GetMaterialStatisticsRequest());

        foreach (var item in items)
        {
            // Each item is checked by the department that handles it, and its licences verified under it.
            // A case of its own: the statistics count each case once, by its latest check.
            var handler = LicenceCalls.As(Cluster, item.DepartmentCode.ToLowerInvariant(), $"T-{Guid.NewGuid():N}");
            var underItem = new Metadata { { "x-exchange-service-item", item.Code } };
            var applicants = Applicants(item);
            var response = await handler.CheckMaterialsAsync(new CheckMaterialsRequest { ServiceItemCode = item.Code, Applicants = { applicants } });

            Assert.Equal(item.Materials.Count, response.Materials.Count);
            Assert.Equal(item.Materials.Count, response.MaterialsRequired + response.MaterialsExempted);
            foreach (var (material, check) in item.Materials.Zip(response.Materials))
            {
                Assert.False(string.IsNullOrWhiteSpace(check.Reason));
                Assert.Equal(applicants.Single(a => a.Role == material.Role).HolderId, check.HolderId);
                if (material.ReplacementCase == Material.ReplacementOneofCase.None)
                    Assert.False(check.Exempt, $"{item.Code}/{material.Code} has no replacement but was exempted");
                if (check.Exempt && material.ReplacementCase == Material.ReplacementOneofCase.LicenceTypeCode)
                {
                    var verified = await handler.VerifyAsync(new VerifyRequest { LicenceNumber = check.LicenceNumber }, underItem);
                    Assert.True(verified.Verification.Valid);
                    Assert.Equal(material.LicenceTypeCode, verified.Licence.TypeCode);
                    Assert.Equal(check.HolderId, verified.Licence.HolderId);
                }
                if (check.Exempt && material.ReplacementCase == Material.ReplacementOneofCase.ResourceCode)
                    Assert.Equal(material.ResourceCode, check.ResourceCode);
            }
            Assert.True(response.MaterialsExempted > 0, $"{item.Code}: nothing exempted for seeded holders ({string.Join(" / ", response.Materials.Select(m => m.Reason))})");
        }

        var after = await CivilAffairs.GetMaterialStatisticsAsync(new GetMaterialStatisticsRequest());
        Assert.True(after.MaterialsExemptedTotal > before.MaterialsExemptedTotal);
    }

    [Fact]
    public async Task Only_the_department_that_handles_a_service_item_checks_its_materials()
    {
        var (husband, wife) = LicenceHolders.MarriedCouples[1];

        var ex = await LicenceCalls.FailsAsync(() => LicenceCalls.As(Cluster, ExchangeClients.MarketRegulation).CheckMaterialsAsync(new CheckMaterialsRequest
        {
            ServiceItemCode = "CA-MARRIAGE-REGISTRATION",
            Applicants = { new Applicant { Role = "applicant", HolderId = husband }, new Applicant { Role = "spouse", HolderId = wife } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("CIVIL-AFFAIRS", ex.Status.Detail);
    }

    [Fact]
    public async Task Materials_of_an_unknown_service_item_or_a_missing_applicant_are_refused()
    {
        var unknown = await LicenceCalls.FailsAsync(() => CivilAffairs.CheckMaterialsAsync(new CheckMaterialsRequest { ServiceItemCode = "NO-SUCH-ITEM" }).ResponseAsync);
        var missing = await LicenceCalls.FailsAsync(() => CivilAffairs.CheckMaterialsAsync(new CheckMaterialsRequest { ServiceItemCode = "CA-MARRIAGE-REGISTRATION" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.StartsWith("applicants", missing.Status.Detail);
    }

    private async Task<Licence> AnyMarriageCertificateAsync()
    {
        var (husband, _) = LicenceHolders.MarriedCouples[0];
        return await CivilAffairs.FirstAsync(husband, "MARC") ?? throw new InvalidOperationException($"{husband} should hold a marriage certificate");
    }

    /// <summary>Seeded holders for every role: a married couple for people, an active enterprise or social organisation for organisations.</summary>
    private static List<Applicant> Applicants(ServiceItem item)
    {
        var (husband, wife) = LicenceHolders.MarriedCouples[1];
        var people = new Queue<string>([husband, wife, .. LicenceHolders.SingleResidents.Take(4).Select(r => r.CitizenId)]);
        var organisation = item.Code.Contains("SOCIAL", StringComparison.Ordinal)
            ? SeededPopulation.Default.SocialOrganizations.First(o => o.Status == Exchange.SyntheticData.SocialOrganizationStatus.Active).CreditCode
            : LicenceHolders.Enterprises.First(e => e.Status == Exchange.SyntheticData.EnterpriseStatus.Active).CreditCode;
        return item.Roles
            .Select(role => new Applicant
            {
                Role = role.Code,
                HolderId = role.HolderKind == HolderKind.Organization ? organisation : people.Dequeue(),
            })
            .ToList();
    }
}
