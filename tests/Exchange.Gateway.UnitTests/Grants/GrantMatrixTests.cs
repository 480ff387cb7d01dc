using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.UnitTests.Grants;

/// <summary>
/// Consumer × resource × share type × grant, on the demo catalog's resources and approved grants (the catalog's seed,
/// Exchange.Catalog/Seeding): unconditional resources are open to every department, conditional ones only with an
/// approved grant, and a provider may always call its own. A pending application is no grant: the catalog publishes
/// none until approval (Catalog.UnitTests' AccessApplicationsTests), so the gateway never sees one. A refused call never
/// reaches the provider.
/// </summary>
public sealed class GrantMatrixTests(GrantMatrixTests.DemoCatalogHost host) : IClassFixture<GrantMatrixTests.DemoCatalogHost>
{
    private const string PublicSecurity = "PUBLIC-SECURITY";
    private const string MarketRegulation = "MARKET-REGULATION";
    private const string CivilAffairs = "CIVIL-AFFAIRS";

    /// <summary>The demo catalog's department resources and approved department grants, as the gateway keeps them on disk.</summary>
    public sealed class DemoCatalogHost : GatewayHost
    {
        protected override IEnumerable<Resource> Resources() =>
        [
            Resource("PS-RESIDENT-BASIC", PublicSecurity, ShareType.Conditional, "exchange.publicsecurity.v1.PopulationService", "GetResident"),
            Resource("PS-IDENTITY-CHECK", PublicSecurity, ShareType.Unconditional, "exchange.publicsecurity.v1.PopulationService", "VerifyIdentity"),
            Resource("MR-ENTERPRISE-BASIC", MarketRegulation, ShareType.Unconditional, "exchange.marketregulation.v1.EnterpriseService", "GetEnterprise", "VerifyEnterprise"),
            Resource("MR-CREDIT-STATUS", MarketRegulation, ShareType.Conditional, "exchange.marketregulation.v1.EnterpriseService", "GetCreditStatus"),
            Resource("CA-MARRIAGE-RECORDS", CivilAffairs, ShareType.Conditional, "exchange.civilaffairs.v1.CivilAffairsService", "GetMarriageRecords"),
            Resource("CA-SOCIAL-ORGANIZATION", CivilAffairs, ShareType.Unconditional, "exchange.civilaffairs.v1.CivilAffairsService", "GetSocialOrganization"),
        ];

        // The seed's two approved department grants on a department resource; public security's application for
        // CA-MARRIAGE-RECORDS stays pending, so it is not here.
        protected override IEnumerable<Grant> Grants() =>
        [
            ApprovedGrant("APP-DEMO-1", CivilAffairs, "PS-RESIDENT-BASIC", "name"),
            ApprovedGrant("APP-DEMO-2", MarketRegulation, "PS-RESIDENT-BASIC", "citizen_id", "name"),
        ];
    }

    public static TheoryData<string, string, string, string, StatusCode> DemoMatrix => new()
    {
        { PublicSecurity, "PS-RESIDENT-BASIC", "conditional", "provider", StatusCode.OK },
        { CivilAffairs, "PS-RESIDENT-BASIC", "conditional", "approved", StatusCode.OK },
        { MarketRegulation, "PS-RESIDENT-BASIC", "conditional", "approved", StatusCode.OK },
        { "HUMAN-RESOURCES", "PS-RESIDENT-BASIC", "conditional", "none", StatusCode.PermissionDenied },
        { CivilAffairs, "CA-MARRIAGE-RECORDS", "conditional", "provider", StatusCode.OK },
        { PublicSecurity, "CA-MARRIAGE-RECORDS", "conditional", "pending", StatusCode.PermissionDenied },
        { MarketRegulation, "CA-MARRIAGE-RECORDS", "conditional", "none", StatusCode.PermissionDenied },
        { MarketRegulation, "MR-CREDIT-STATUS", "conditional", "provider", StatusCode.OK },
        { CivilAffairs, "MR-CREDIT-STATUS", "conditional", "none", StatusCode.PermissionDenied },
        { PublicSecurity, "MR-CREDIT-STATUS", "conditional", "none", StatusCode.PermissionDenied },
        { PublicSecurity, "PS-IDENTITY-CHECK", "unconditional", "provider", StatusCode.OK },
        { MarketRegulation, "PS-IDENTITY-CHECK", "unconditional", "none", StatusCode.OK },
        { CivilAffairs, "PS-IDENTITY-CHECK", "unconditional", "none", StatusCode.OK },
        { PublicSecurity, "MR-ENTERPRISE-BASIC", "unconditional", "none", StatusCode.OK },
        { CivilAffairs, "MR-ENTERPRISE-BASIC", "unconditional", "none", StatusCode.OK },
        { PublicSecurity, "CA-SOCIAL-ORGANIZATION", "unconditional", "none", StatusCode.OK },
        { MarketRegulation, "CA-SOCIAL-ORGANIZATION", "unconditional", "none", StatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(DemoMatrix))]
    public async Task Grants_decide_who_may_call(string consumer, string resource, string shareType, string grantState, StatusCode expected)
    {
        var before = host.Provider.Received.Count;

        var status = await GrpcStatus.OfAsync(() => Call(consumer, resource));

        Assert.True(expected == status, $"{consumer} calling {resource} ({shareType}, grant {grantState}): expected {expected}, got {status}");
        Assert.Equal(expected == StatusCode.OK ? before + 1 : before, host.Provider.Received.Count);
    }

    [Fact]
    public async Task Denial_names_the_department_and_the_resource_it_has_no_grant_for()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Call(MarketRegulation, "CA-MARRIAGE-RECORDS"));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(MarketRegulation, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("CA-MARRIAGE-RECORDS", ex.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>One call of the resource's first method, about a demo subject, as <paramref name="department"/>.</summary>
    private Task Call(string department, string resource)
    {
        var invoker = host.CallsAs(department);
        const string citizenId = "11010519491231002X";
        const string creditCode = "91350100M000100Y43";
        return resource switch
        {
            "PS-RESIDENT-BASIC" => new PopulationService.PopulationServiceClient(invoker).GetResidentAsync(new GetResidentRequest { CitizenId = citizenId }).ResponseAsync,
            "PS-IDENTITY-CHECK" => new PopulationService.PopulationServiceClient(invoker).VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = citizenId, Name = "张伟" }).ResponseAsync,
            "MR-ENTERPRISE-BASIC" => new EnterpriseService.EnterpriseServiceClient(invoker).GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = creditCode }).ResponseAsync,
            "MR-CREDIT-STATUS" => new EnterpriseService.EnterpriseServiceClient(invoker).GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = creditCode }).ResponseAsync,
            "CA-MARRIAGE-RECORDS" => new CivilAffairsService.CivilAffairsServiceClient(invoker).GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = citizenId }).ResponseAsync,
            "CA-SOCIAL-ORGANIZATION" => new CivilAffairsService.CivilAffairsServiceClient(invoker).GetSocialOrganizationAsync(new GetSocialOrganizationRequest { CreditCode = creditCode }).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "No call for this resource."),
        };
    }

}
