using System.CommandLine;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;

namespace Exchange.Cli.Commands;

/// <summary>Calls to department services, always through the gateway, as a department system would make them.</summary>
internal static class DepartmentCommands
{
    public static IEnumerable<Command> Create()
    {
        var citizenId = new Argument<string>("citizen-id") { Description = "GB 11643 citizen identity number" };
        var creditCode = new Argument<string>("credit-code") { Description = "GB 32100 unified social credit code" };
        var name = new Argument<string>("name") { Description = "Name to check against the register" };

        var resident = new Command("resident", "Look up a resident at public security (PopulationService/GetResident)") { citizenId };
        resident.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse,
            (channel, options) => new PopulationService.PopulationServiceClient(channel)
                .GetResidentAsync(new GetResidentRequest { CitizenId = parse.GetValue(citizenId) }, options).ResponseAsync, ct));
        yield return resident;

        var verifyIdentity = new Command("verify-identity", "Check that a citizen id and a name belong together (PopulationService/VerifyIdentity)") { citizenId, name };
        verifyIdentity.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse,
            (channel, options) => new PopulationService.PopulationServiceClient(channel)
                .VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = parse.GetValue(citizenId), Name = parse.GetValue(name) }, options).ResponseAsync, ct));
        yield return verifyIdentity;

        var enterprise = new Command("enterprise", "Look up an enterprise at market regulation (EnterpriseService/GetEnterprise)") { creditCode };
        enterprise.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse,
            (channel, options) => new EnterpriseService.EnterpriseServiceClient(channel)
                .GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = parse.GetValue(creditCode) }, options).ResponseAsync, ct));
        yield return enterprise;

        var verifyEnterprise = new Command("verify-enterprise", "Check that a credit code and an enterprise name belong together (EnterpriseService/VerifyEnterprise)") { creditCode, name };
        verifyEnterprise.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse,
            (channel, options) => new EnterpriseService.EnterpriseServiceClient(channel)
                .VerifyEnterpriseAsync(new VerifyEnterpriseRequest { CreditCode = parse.GetValue(creditCode), Name = parse.GetValue(name) }, options).ResponseAsync, ct));
        yield return verifyEnterprise;

        var creditStatus = new Command("credit-status", "Abnormal-operation and serious-violation list entries of an enterprise (EnterpriseService/GetCreditStatus)") { creditCode };
        creditStatus.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse,
            (channel, options) => new EnterpriseService.EnterpriseServiceClient(channel)
                .GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = parse.GetValue(creditCode) }, options).ResponseAsync, ct));
        yield return creditStatus;

        var marriages = new Command("marriages", "Marriage and divorce registrations of a citizen at civil affairs (CivilAffairsService/GetMarriageRecords)") { citizenId };
        marriages.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse,
            (channel, options) => new CivilAffairsService.CivilAffairsServiceClient(channel)
                .GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = parse.GetValue(citizenId) }, options).ResponseAsync, ct));
        yield return marriages;

        var socialOrganization = new Command("social-org", "Look up a social organisation at civil affairs (CivilAffairsService/GetSocialOrganization)") { creditCode };
        socialOrganization.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse,
            (channel, options) => new CivilAffairsService.CivilAffairsServiceClient(channel)
                .GetSocialOrganizationAsync(new GetSocialOrganizationRequest { CreditCode = parse.GetValue(creditCode) }, options).ResponseAsync, ct));
        yield return socialOrganization;
    }
}
