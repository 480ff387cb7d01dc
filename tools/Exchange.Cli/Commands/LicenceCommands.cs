using System.CommandLine;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;

namespace Exchange.Cli.Commands;

/// <summary>`exchange licences ...`: e-licences (电子证照) through the gateway's LicenceService, and the catalog's service items.</summary>
internal static class LicenceCommands
{
    private const int PresentationCodeLength = 12;

    public static Command Create()
    {
        var holderArgument = new Argument<string>("holder-id") { Description = "Citizen id or unified social credit code" };
        var list = new Command("list", "Every valid licence of a holder, across all issuing departments (ListByHolder)") { holderArgument };
        list.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse, (invoker, options) => new LicenceService.LicenceServiceClient(invoker)
            .ListByHolderAsync(new ListByHolderRequest { HolderId = parse.GetValue(holderArgument)! }, options).ResponseAsync, ct));

        var numberArgument = new Argument<string>("licence-number") { Description = "Licence number (31 characters), typed as printed" };
        var get = new Command("get", "One licence, verified, with its QR payload") { numberArgument };
        get.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse, (invoker, options) => new LicenceService.LicenceServiceClient(invoker)
            .GetAsync(new GetRequest { LicenceNumber = parse.GetValue(numberArgument)! }, options).ResponseAsync, ct));

        var numberOrQr = new Argument<string>("licence-number-qr-or-code")
        {
            Description = "Licence number, a scanned QR payload (EXL1:...), or a holder's presentation code (亮证码, 12 characters, dashes optional; used once)",
        };
        var verify = new Command("verify", "Signature, status and expiry of a licence") { numberOrQr };
        verify.SetAction((parse, ct) =>
        {
            var value = parse.GetValue(numberOrQr)!;
            var request = value.StartsWith("EXL1:", StringComparison.Ordinal) ? new VerifyRequest { QrPayload = value }
                : IsPresentationCode(value) ? new VerifyRequest { PresentationCode = value }
                : new VerifyRequest { LicenceNumber = value };
            return RpcCall.ViaGatewayAsync(parse, (invoker, options) => new LicenceService.LicenceServiceClient(invoker).VerifyAsync(request, options).ResponseAsync, ct);
        });

        var reason = new Option<string>("--reason") { Description = "Why, for the holder and for verifiers", Required = true };
        var revokeNumber = new Argument<string>("licence-number") { Description = "Licence number" };
        var revoke = new Command("revoke", "Revoke a licence (issuing department only); returns once durable") { revokeNumber, reason };
        revoke.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse, (invoker, options) => new LicenceService.LicenceServiceClient(invoker)
            .RevokeAsync(new RevokeRequest { LicenceNumber = parse.GetValue(revokeNumber)!, Reason = parse.GetValue(reason)! }, options).ResponseAsync, ct));

        var usageHolder = new Argument<string>("holder-id") { Description = "Citizen id or unified social credit code" };
        var usage = new Command("usage", "Who used a holder's licences, for which case, when (用证记录)") { usageHolder };
        usage.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse, (invoker, options) => new LicenceService.LicenceServiceClient(invoker)
            .ListUsageAsync(new ListUsageRequest { HolderId = parse.GetValue(usageHolder)! }, options).ResponseAsync, ct));

        var item = new Argument<string>("service-item") { Description = "Service item code, for example CA-MARRIAGE-REGISTRATION (see 'licences items')" };
        var applicants = new Argument<string[]>("role=holder-id") { Description = "One per applicant role, for example applicant=330106198812153739", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the CheckMaterials answer as JSON instead of the clerk's report" };
        var check = new Command("check", "Which materials of a service item need not be submitted (免提交) and why, and what the shared data says about the applicants (findings)")
        {
            item, applicants, json,
        };
        check.SetAction((parse, ct) =>
        {
            var request = new CheckMaterialsRequest { ServiceItemCode = parse.GetValue(item)! };
            foreach (var pair in parse.GetValue(applicants)!)
            {
                var at = pair.IndexOf('=');
                if (at <= 0)
                {
                    Console.Error.WriteLine($"error: '{pair}' is not role=holder-id, for example applicant=330106198812153739");
                    return Task.FromResult(1);
                }
                request.Applicants.Add(new Applicant { Role = pair[..at], HolderId = pair[(at + 1)..] });
            }
            return RpcCall.ViaGatewayAsync(parse, (invoker, options) => new LicenceService.LicenceServiceClient(invoker).CheckMaterialsAsync(request, options).ResponseAsync, ct,
                print: parse.GetValue(json) ? null : reply => MaterialCheckReport.Print(reply, Console.Out));
        });

        var statistics = new Command("statistics", "Materials exempted so far (减材料), per service item");
        statistics.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse, (invoker, options) => new LicenceService.LicenceServiceClient(invoker)
            .GetMaterialStatisticsAsync(new GetMaterialStatisticsRequest(), options).ResponseAsync, ct));

        var items = new Command("items", "Service items and their materials, from the catalog");
        items.SetAction((parse, ct) => RpcCall.ViaCatalogAsync(parse, (invoker, options) => new ServiceItemService.ServiceItemServiceClient(invoker)
            .ListServiceItemsAsync(new ListServiceItemsRequest(), options).ResponseAsync, ct));

        return new Command("licences", "E-licences (电子证照): look up, verify, revoke, usage, material exemption") { list, get, verify, revoke, usage, check, statistics, items };
    }

    /// <summary>A presentation code is 12 characters (shown in groups of four); a licence number is 31.</summary>
    private static bool IsPresentationCode(string value) =>
        value.Count(c => c is not ('-' or ' ')) == PresentationCodeLength;
}
