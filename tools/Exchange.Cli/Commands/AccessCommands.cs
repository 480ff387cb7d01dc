using System.CommandLine;
using Exchange.Protos.Catalog.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Cli.Commands;

/// <summary>`exchange access ...`: apply for a conditional resource and decide on applications, as a department.</summary>
internal static class AccessCommands
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Application id" };
        var resource = new Argument<string>("resource") { Description = "Resource code, for example CA-MARRIAGE-RECORDS" };
        var items = new Option<string[]>("--items") { Description = "Data items wanted", Required = true, AllowMultipleArgumentsPerToken = true };
        var legalBasis = new Option<string>("--legal-basis") { Description = "Law or regulation that allows the use", Required = true };
        var days = new Option<int>("--days") { Description = "How long the grant should last", DefaultValueFactory = _ => 365 };
        var reason = new Option<string>("--reason") { Description = "Why (required to reject or revoke)" };

        var apply = new Command("apply", "Apply for access to a conditional resource, as the --client department (uses --purpose)") { resource, items, legalBasis, days };
        apply.SetAction((parse, ct) => Call(parse, ct, (client, options) => client.ApplyForAccessAsync(new ApplyForAccessRequest
        {
            Application = new AccessApplication
            {
                ResourceCode = parse.GetValue(resource),
                DataItems = { parse.GetValue(items)!.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) },
                Purpose = parse.GetValue(GlobalOptions.Purpose),
                LegalBasis = parse.GetValue(legalBasis),
                ValidFrom = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(parse.GetValue(days))),
            },
        }, options).ResponseAsync));

        var approve = new Command("approve", "Approve an application, as the provider department") { id, reason };
        approve.SetAction((parse, ct) => Call(parse, ct, (client, options) =>
            client.ApproveAccessApplicationAsync(new ApproveAccessApplicationRequest { Id = parse.GetValue(id), Note = parse.GetValue(reason) ?? string.Empty }, options).ResponseAsync));

        var reject = new Command("reject", "Reject an application with a reason, as the provider department") { id, reason };
        reject.SetAction((parse, ct) => Call(parse, ct, (client, options) =>
            client.RejectAccessApplicationAsync(new RejectAccessApplicationRequest { Id = parse.GetValue(id), Reason = parse.GetValue(reason) ?? string.Empty }, options).ResponseAsync));

        var revoke = new Command("revoke", "Revoke a grant with a reason, as the provider department") { id, reason };
        revoke.SetAction((parse, ct) => Call(parse, ct, (client, options) =>
            client.RevokeGrantAsync(new RevokeGrantRequest { Id = parse.GetValue(id), Reason = parse.GetValue(reason) ?? string.Empty }, options).ResponseAsync));

        var list = new Command("list", "List the applications the --client department may see");
        list.SetAction((parse, ct) => Call(parse, ct, (client, options) =>
            client.ListAccessApplicationsAsync(new ListAccessApplicationsRequest(), options).ResponseAsync));

        return new Command("access", "Access applications and grants for conditional resources") { apply, approve, reject, revoke, list };
    }

    private static Task<int> Call<TReply>(ParseResult parse, CancellationToken ct, Func<AccessService.AccessServiceClient, CallOptions, Task<TReply>> call)
        where TReply : Google.Protobuf.IMessage =>
        RpcCall.ViaCatalogAsync(parse, (invoker, options) => call(new AccessService.AccessServiceClient(invoker), options), ct, CliIdentity.DefaultDepartmentClient);
}
