using System.CommandLine;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Google.Protobuf;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Grpc.Core;

namespace Exchange.Cli.Commands;

/// <summary>Calls to department services, always through the gateway, as a department system would make them.</summary>
internal static class DepartmentCommands
{
    private delegate Task<IMessage> Call(ParseResult parse, CallInvoker invoker, CallOptions options);

    public static IEnumerable<Command> Create()
    {
        var citizenId = new Argument<string>("citizen-id") { Description = "GB 11643 citizen identity number" };
        var creditCode = new Argument<string>("credit-code") { Description = "GB 32100 unified social credit code" };
        var name = new Argument<string>("name") { Description = "Name to check against the register" };
        var fields = new Option<string?>("--fields") { Description = "Comma-separated data items wanted (read_mask); all granted items when omitted" };
        FieldMask? Mask(ParseResult p) => p.GetValue(fields) is { Length: > 0 } f ? FieldMask.FromString(f) : null;

        yield return ViaGateway("resident", "Look up a resident at public security (PopulationService/GetResident)", [citizenId], [fields],
            async (p, channel, options) => await new PopulationService.PopulationServiceClient(channel)
                .GetResidentAsync(new GetResidentRequest { CitizenId = p.GetValue(citizenId), ReadMask = Mask(p) }, options));

        yield return ViaGateway("verify-identity", "Check that a citizen id and a name belong together (PopulationService/VerifyIdentity)", [citizenId, name], [],
            async (p, channel, options) => await new PopulationService.PopulationServiceClient(channel)
                .VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = p.GetValue(citizenId), Name = p.GetValue(name) }, options));

        yield return ViaGateway("enterprise", "Look up an enterprise at market regulation (EnterpriseService/GetEnterprise)", [creditCode], [fields],
            async (p, channel, options) => await new EnterpriseService.EnterpriseServiceClient(channel)
                .GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = p.GetValue(creditCode), ReadMask = Mask(p) }, options));

        yield return ViaGateway("verify-enterprise", "Check that a credit code and an enterprise name belong together (EnterpriseService/VerifyEnterprise)", [creditCode, name], [],
            async (p, channel, options) => await new EnterpriseService.EnterpriseServiceClient(channel)
                .VerifyEnterpriseAsync(new VerifyEnterpriseRequest { CreditCode = p.GetValue(creditCode), Name = p.GetValue(name) }, options));

        yield return ViaGateway("credit-status", "Abnormal-operation and serious-violation list entries of an enterprise (EnterpriseService/GetCreditStatus)", [creditCode], [fields],
            async (p, channel, options) => await new EnterpriseService.EnterpriseServiceClient(channel)
                .GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = p.GetValue(creditCode), ReadMask = Mask(p) }, options));

        yield return ViaGateway("marriages", "Marriage and divorce registrations of a citizen at civil affairs (CivilAffairsService/GetMarriageRecords)", [citizenId], [fields],
            async (p, channel, options) => await new CivilAffairsService.CivilAffairsServiceClient(channel)
                .GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = p.GetValue(citizenId), ReadMask = Mask(p) }, options));

        yield return ViaGateway("social-org", "Look up a social organisation at civil affairs (CivilAffairsService/GetSocialOrganization)", [creditCode], [fields],
            async (p, channel, options) => await new CivilAffairsService.CivilAffairsServiceClient(channel)
                .GetSocialOrganizationAsync(new GetSocialOrganizationRequest { CreditCode = p.GetValue(creditCode), ReadMask = Mask(p) }, options));
    }

    private static Command ViaGateway(string name, string description, Argument[] arguments, Option[] options, Call call)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments)
            command.Arguments.Add(argument);
        foreach (var option in options)
            command.Options.Add(option);
        command.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse, (invoker, options) => call(parse, invoker, options), ct, minimised: true));
        return command;
    }
}
