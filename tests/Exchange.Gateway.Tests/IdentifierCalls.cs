using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Every department method that takes an identifier, as a call through a channel, named for theory output.</summary>
public static class IdentifierCalls
{
    /// <summary>A call made as the provider of the method's resource, so grants never stand in the way.</summary>
    public delegate Task Call(ExchangeCluster cluster, string identifier);

    public static readonly IReadOnlyDictionary<string, Call> ByCitizenId = new Dictionary<string, Call>
    {
        ["PopulationService/GetResident"] = (cluster, id) =>
            new PopulationService.PopulationServiceClient(cluster.GatewayCallsAs(ExchangeClients.PublicSecurity)).GetResidentAsync(new GetResidentRequest { CitizenId = id }).ResponseAsync,
        ["PopulationService/VerifyIdentity"] = (cluster, id) =>
            new PopulationService.PopulationServiceClient(cluster.GatewayCallsAs(ExchangeClients.PublicSecurity)).VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = id, Name = "张伟" }).ResponseAsync,
        ["CivilAffairsService/GetMarriageRecords"] = (cluster, id) =>
            new CivilAffairsService.CivilAffairsServiceClient(cluster.GatewayCallsAs(ExchangeClients.CivilAffairs)).GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = id }).ResponseAsync,
    };

    public static readonly IReadOnlyDictionary<string, Call> ByCreditCode = new Dictionary<string, Call>
    {
        ["EnterpriseService/GetEnterprise"] = (cluster, code) =>
            new EnterpriseService.EnterpriseServiceClient(cluster.GatewayCallsAs(ExchangeClients.MarketRegulation)).GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = code }).ResponseAsync,
        ["EnterpriseService/VerifyEnterprise"] = (cluster, code) =>
            new EnterpriseService.EnterpriseServiceClient(cluster.GatewayCallsAs(ExchangeClients.MarketRegulation)).VerifyEnterpriseAsync(new VerifyEnterpriseRequest { CreditCode = code, Name = "某某有限公司" }).ResponseAsync,
        ["EnterpriseService/GetCreditStatus"] = (cluster, code) =>
            new EnterpriseService.EnterpriseServiceClient(cluster.GatewayCallsAs(ExchangeClients.MarketRegulation)).GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = code }).ResponseAsync,
        ["CivilAffairsService/GetSocialOrganization"] = (cluster, code) =>
            new CivilAffairsService.CivilAffairsServiceClient(cluster.GatewayCallsAs(ExchangeClients.CivilAffairs)).GetSocialOrganizationAsync(new GetSocialOrganizationRequest { CreditCode = code }).ResponseAsync,
    };

    public static TheoryData<string, string, string> InvalidCitizenIdCases() =>
        Cases(ByCitizenId.Keys, IdentifierVectors.Invalid(IdentifierVectors.CitizenId));

    public static TheoryData<string, string, string> InvalidCreditCodeCases() =>
        Cases(ByCreditCode.Keys, IdentifierVectors.Invalid(IdentifierVectors.CreditCode));

    private static TheoryData<string, string, string> Cases(IEnumerable<string> methods, IEnumerable<(string Value, string Reason)> vectors)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var method in methods)
            foreach (var (value, reason) in vectors)
                data.Add(method, value, reason);
        return data;
    }
}
