using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>One representative call per seeded catalog resource, about a seeded subject, made as a given client.</summary>
public static class ResourceCalls
{
    private static readonly Exchange.SyntheticData.SyntheticPopulation Seeded = SeededPopulation.Default;

    public static Task Call(ExchangeCluster cluster, string clientId, string resourceCode) =>
        Call(cluster, cluster.Gateway, clientId, resourceCode);

    /// <summary>The same, through <paramref name="gateway"/>, another gateway instance of the cluster.</summary>
    public static Task Call(ExchangeCluster cluster, ServiceProcess gateway, string clientId, string resourceCode)
    {
        var invoker = cluster.GatewayCallsAs(gateway, clientId);
        return resourceCode switch
        {
            "PS-RESIDENT-BASIC" => new PopulationService.PopulationServiceClient(invoker)
                .GetResidentAsync(new GetResidentRequest { CitizenId = Seeded.Residents[0].CitizenId }).ResponseAsync,
            "PS-IDENTITY-CHECK" => new PopulationService.PopulationServiceClient(invoker)
                .VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = Seeded.Residents[0].CitizenId, Name = Seeded.Residents[0].Name }).ResponseAsync,
            "MR-ENTERPRISE-BASIC" => new EnterpriseService.EnterpriseServiceClient(invoker)
                .GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = Seeded.Enterprises[0].CreditCode }).ResponseAsync,
            "MR-CREDIT-STATUS" => new EnterpriseService.EnterpriseServiceClient(invoker)
                .GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = Seeded.Enterprises[0].CreditCode }).ResponseAsync,
            "CA-MARRIAGE-RECORDS" => new CivilAffairsService.CivilAffairsServiceClient(invoker)
                .GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = Seeded.Residents[0].CitizenId }).ResponseAsync,
            "CA-SOCIAL-ORGANIZATION" => new CivilAffairsService.CivilAffairsServiceClient(invoker)
                .GetSocialOrganizationAsync(new GetSocialOrganizationRequest { CreditCode = Seeded.SocialOrganizations[0].CreditCode }).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(resourceCode), resourceCode, "No representative call for this resource."),
        };
    }

    public static Task<StatusCode> StatusAsync(ExchangeCluster cluster, string clientId, string resourceCode) =>
        GrpcStatus.OfAsync(() => Call(cluster, clientId, resourceCode));
}
