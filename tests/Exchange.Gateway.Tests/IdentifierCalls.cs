using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Net.Client;

namespace Exchange.Gateway.Tests;

/// <summary>Every department method that takes an identifier, as a call through a channel, named for theory output.</summary>
public static class IdentifierCalls
{
    public delegate Task Call(GrpcChannel channel, string identifier);

    public static readonly IReadOnlyDictionary<string, Call> ByCitizenId = new Dictionary<string, Call>
    {
        ["PopulationService/GetResident"] = (channel, id) =>
            new PopulationService.PopulationServiceClient(channel).GetResidentAsync(new GetResidentRequest { CitizenId = id }).ResponseAsync,
        ["PopulationService/VerifyIdentity"] = (channel, id) =>
            new PopulationService.PopulationServiceClient(channel).VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = id, Name = "张伟" }).ResponseAsync,
        ["CivilAffairsService/GetMarriageRecords"] = (channel, id) =>
            new CivilAffairsService.CivilAffairsServiceClient(channel).GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = id }).ResponseAsync,
    };

    public static readonly IReadOnlyDictionary<string, Call> ByCreditCode = new Dictionary<string, Call>
    {
        ["EnterpriseService/GetEnterprise"] = (channel, code) =>
            new EnterpriseService.EnterpriseServiceClient(channel).GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = code }).ResponseAsync,
        ["EnterpriseService/VerifyEnterprise"] = (channel, code) =>
            new EnterpriseService.EnterpriseServiceClient(channel).VerifyEnterpriseAsync(new VerifyEnterpriseRequest { CreditCode = code, Name = "某某有限公司" }).ResponseAsync,
        ["EnterpriseService/GetCreditStatus"] = (channel, code) =>
            new EnterpriseService.EnterpriseServiceClient(channel).GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = code }).ResponseAsync,
        ["CivilAffairsService/GetSocialOrganization"] = (channel, code) =>
            new CivilAffairsService.CivilAffairsServiceClient(channel).GetSocialOrganizationAsync(new GetSocialOrganizationRequest { CreditCode = code }).ResponseAsync,
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
