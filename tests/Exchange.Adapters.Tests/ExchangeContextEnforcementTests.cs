using Exchange.ExchangeContext;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;

namespace Exchange.Adapters.Tests;

/// <summary>Adapters called directly: refused without a valid context, minimised answers with audit headers with one.</summary>
[Collection(DepartmentAdaptersCollection.Name)]
public sealed class ExchangeContextEnforcementTests(DepartmentAdapters adapters)
{
    private const string GetResident = "/exchange.publicsecurity.v1.PopulationService/GetResident";
    private const string VerifyIdentity = "/exchange.publicsecurity.v1.PopulationService/VerifyIdentity";
    private const string DemoCitizen = "330106198812153739";

    private PopulationService.PopulationServiceClient Population => new(adapters.Calls(adapters.PublicSecurity));

    [Fact]
    public async Task A_call_without_context_is_unauthenticated_and_told_to_use_the_gateway()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Population.GetResidentAsync(new GetResidentRequest { CitizenId = DemoCitizen }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("call through the Exchange gateway", ex.Status.Detail);
    }

    [Fact]
    public async Task Every_adapter_refuses_a_call_without_context()
    {
        var enterprise = await Assert.ThrowsAsync<RpcException>(() => new EnterpriseService.EnterpriseServiceClient(adapters.Calls(adapters.MarketRegulation))
            .GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = "91330106MALC7YCP9L" }).ResponseAsync);
        var marriages = await Assert.ThrowsAsync<RpcException>(() => new CivilAffairsService.CivilAffairsServiceClient(adapters.Calls(adapters.CivilAffairs))
            .GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = DemoCitizen }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, enterprise.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, marriages.StatusCode);
    }

    [Fact]
    public async Task Health_needs_no_context()
    {
        var reply = await new Health.HealthClient(adapters.PublicSecurity.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task A_context_from_a_key_the_catalog_did_not_issue_is_unauthenticated()
    {
        var headers = adapters.Context(GetResident, "PUBLIC-SECURITY", "PS-RESIDENT-BASIC", ["name"], key: DepartmentAdapters.Untrusted());

        var ex = await Assert.ThrowsAsync<RpcException>(() => Population.GetResidentAsync(new GetResidentRequest { CitizenId = DemoCitizen }, headers).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("no context key of PUBLIC-SECURITY", ex.Status.Detail);
    }

    [Fact]
    public async Task A_context_issued_for_another_method_is_unauthenticated()
    {
        var headers = adapters.Context(VerifyIdentity, "PUBLIC-SECURITY", "PS-IDENTITY-CHECK", ["match"]);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Population.GetResidentAsync(new GetResidentRequest { CitizenId = DemoCitizen }, headers).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains(VerifyIdentity, ex.Status.Detail);
    }

    [Fact]
    public async Task An_expired_context_is_unauthenticated()
    {
        var headers = adapters.Context(GetResident, "PUBLIC-SECURITY", "PS-RESIDENT-BASIC", ["name"], lifetime: TimeSpan.FromSeconds(-1));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Population.GetResidentAsync(new GetResidentRequest { CitizenId = DemoCitizen }, headers).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("expired", ex.Status.Detail);
    }

    [Fact]
    public async Task A_context_for_another_provider_sealed_with_its_key_is_unauthenticated()
    {
        var headers = adapters.Context(GetResident, "CIVIL-AFFAIRS", "CA-MARRIAGE-RECORDS", ["name"]);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Population.GetResidentAsync(new GetResidentRequest { CitizenId = DemoCitizen }, headers).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("no context key of PUBLIC-SECURITY", ex.Status.Detail);
    }

    [Fact]
    public async Task A_context_for_another_departments_resource_is_permission_denied()
    {
        // MACed with this provider's own key, so only the department named inside is wrong.
        var headers = adapters.Context(GetResident, "CIVIL-AFFAIRS", "CA-MARRIAGE-RECORDS", ["name"], key: adapters.KeyOf("PUBLIC-SECURITY"));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Population.GetResidentAsync(new GetResidentRequest { CitizenId = DemoCitizen }, headers).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("CA-MARRIAGE-RECORDS", ex.Status.Detail);
        Assert.Contains("PUBLIC-SECURITY", ex.Status.Detail);
    }

    [Fact]
    public async Task Only_granted_items_come_back_with_holder_and_items_headers()
    {
        var call = Population.GetResidentAsync(
            new GetResidentRequest { CitizenId = DemoCitizen },
            adapters.Context(GetResident, "PUBLIC-SECURITY", "PS-RESIDENT-BASIC", ["name", "birth_date"]));

        var response = await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal(new Resident { Name = "郭建平", BirthDate = "1988-12-15" }, response.Resident);
        Assert.Equal(DemoCitizen, headers.GetValue(ExchangeMetadata.Holder));
        Assert.Equal("name,birth_date", headers.GetValue(ExchangeMetadata.ReturnedItems));
    }

    [Fact]
    public async Task A_read_mask_narrows_the_grant()
    {
        var call = Population.GetResidentAsync(
            new GetResidentRequest { CitizenId = DemoCitizen, ReadMask = new FieldMask { Paths = { "name", "registered_address" } } },
            adapters.Context(GetResident, "PUBLIC-SECURITY", "PS-RESIDENT-BASIC", ["citizen_id", "name", "gender", "status"]));

        var response = await call.ResponseAsync;

        Assert.Equal(new Resident { Name = "郭建平" }, response.Resident);
        Assert.Equal("name", (await call.ResponseHeadersAsync).GetValue(ExchangeMetadata.ReturnedItems));
    }

    [Fact]
    public async Task A_read_mask_path_that_is_no_data_item_is_invalid_argument_naming_it()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Population.GetResidentAsync(
            new GetResidentRequest { CitizenId = DemoCitizen, ReadMask = new FieldMask { Paths = { "name", "salary" } } },
            adapters.Context(GetResident, "PUBLIC-SECURITY", "PS-RESIDENT-BASIC", ["name"])).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("'salary'", ex.Status.Detail);
        Assert.Equal("read_mask", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Verify_identity_answers_match_and_names_the_holder()
    {
        var call = Population.VerifyIdentityAsync(
            new VerifyIdentityRequest { CitizenId = DemoCitizen, Name = "郭建平" },
            adapters.Context(VerifyIdentity, "PUBLIC-SECURITY", "PS-IDENTITY-CHECK", ["match"]));

        Assert.True((await call.ResponseAsync).Match);
        Assert.Equal(DemoCitizen, (await call.ResponseHeadersAsync).GetValue(ExchangeMetadata.Holder));
        Assert.Equal("match", (await call.ResponseHeadersAsync).GetValue(ExchangeMetadata.ReturnedItems));
    }

    [Fact]
    public async Task Every_marriage_record_is_minimised()
    {
        const string remarried = "110108197401081352";
        var call = new CivilAffairsService.CivilAffairsServiceClient(adapters.Calls(adapters.CivilAffairs)).GetMarriageRecordsAsync(
            new GetMarriageRecordsRequest { CitizenId = remarried },
            adapters.Context("/exchange.civilaffairs.v1.CivilAffairsService/GetMarriageRecords", "CIVIL-AFFAIRS", "CA-MARRIAGE-RECORDS", ["kind", "registered_date"]));

        var response = await call.ResponseAsync;

        Assert.Equal(string.Empty, response.CitizenId);
        Assert.True(response.Records.Count >= 3, $"expected marriage, divorce and remarriage; got {response.Records.Count} records");
        Assert.All(response.Records, record =>
        {
            Assert.NotEqual(MarriageRecordKind.Unspecified, record.Kind);
            Assert.NotEmpty(record.RegisteredDate);
            Assert.Equal(new MarriageRecord { Kind = record.Kind, RegisteredDate = record.RegisteredDate }, record);
        });
        Assert.Equal(remarried, (await call.ResponseHeadersAsync).GetValue(ExchangeMetadata.Holder));
        Assert.Equal("kind,registered_date", (await call.ResponseHeadersAsync).GetValue(ExchangeMetadata.ReturnedItems));
    }

    [Fact]
    public async Task Credit_lists_that_are_not_granted_stay_empty()
    {
        const string seriousViolator = "91310115DJ82CHG7TJ";
        var client = new EnterpriseService.EnterpriseServiceClient(adapters.Calls(adapters.MarketRegulation));
        const string method = "/exchange.marketregulation.v1.EnterpriseService/GetCreditStatus";

        var onlyAbnormal = await client.GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = seriousViolator },
            adapters.Context(method, "MARKET-REGULATION", "MR-CREDIT-STATUS", ["abnormal_operations"])).ResponseAsync;
        var onlySerious = await client.GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = seriousViolator },
            adapters.Context(method, "MARKET-REGULATION", "MR-CREDIT-STATUS", ["credit_code", "serious_violations"])).ResponseAsync;

        Assert.Equal(string.Empty, onlyAbnormal.CreditCode);
        Assert.Empty(onlyAbnormal.SeriousViolations);
        Assert.Equal(seriousViolator, onlySerious.CreditCode);
        Assert.NotEmpty(onlySerious.SeriousViolations);
        Assert.Empty(onlySerious.AbnormalOperations);
    }

    [Fact]
    public async Task Enterprise_and_social_organisation_answers_carry_only_granted_items()
    {
        var enterprise = new EnterpriseService.EnterpriseServiceClient(adapters.Calls(adapters.MarketRegulation)).GetEnterpriseAsync(
            new GetEnterpriseRequest { CreditCode = "91330106MALC7YCP9L" },
            adapters.Context("/exchange.marketregulation.v1.EnterpriseService/GetEnterprise", "MARKET-REGULATION", "MR-ENTERPRISE-BASIC", ["name", "status", "match"]));
        var organization = new CivilAffairsService.CivilAffairsServiceClient(adapters.Calls(adapters.CivilAffairs)).GetSocialOrganizationAsync(
            new GetSocialOrganizationRequest { CreditCode = "51330106MJMXM8CJUB", ReadMask = new FieldMask { Paths = { "name" } } },
            adapters.Context("/exchange.civilaffairs.v1.CivilAffairsService/GetSocialOrganization", "CIVIL-AFFAIRS", "CA-SOCIAL-ORGANIZATION", ["name", "legal_representative_citizen_id"]));

        Assert.Equal(new Enterprise { Name = "杭州西湖云帆科技有限公司", Status = EnterpriseStatus.Active }, (await enterprise.ResponseAsync).Enterprise);
        Assert.Equal("name,status", (await enterprise.ResponseHeadersAsync).GetValue(ExchangeMetadata.ReturnedItems));
        Assert.Equal(new SocialOrganization { Name = "杭州市西湖区摄影家协会" }, (await organization.ResponseAsync).SocialOrganization);
        Assert.Equal("51330106MJMXM8CJUB", (await organization.ResponseHeadersAsync).GetValue(ExchangeMetadata.Holder));
    }
}
