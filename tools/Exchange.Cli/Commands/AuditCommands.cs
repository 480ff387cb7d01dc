using System.CommandLine;
using Exchange.Protos.Audit.V1;

namespace Exchange.Cli.Commands;

/// <summary>`exchange audit ...`: read the gateway's audit log and verify its hash chain.</summary>
internal static class AuditCommands
{
    public static Command Create()
    {
        var holder = new Option<string>("--holder") { Description = "Citizen id or credit code the data was about" };
        var resource = new Option<string>("--resource") { Description = "Resource code" };
        var consumer = new Option<string>("--consumer") { Description = "Consumer department code" };
        var limit = new Option<int>("--limit") { Description = "At most this many records", DefaultValueFactory = _ => 20 };

        var query = new Command("query", "Records the --client department took part in, newest first") { holder, resource, consumer, limit };
        query.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse, (invoker, options) => new AuditService.AuditServiceClient(invoker)
            .QueryAuditRecordsAsync(new QueryAuditRecordsRequest
            {
                HolderId = parse.GetValue(holder) ?? string.Empty,
                ResourceCode = parse.GetValue(resource) ?? string.Empty,
                ConsumerDepartmentCode = parse.GetValue(consumer) ?? string.Empty,
                PageSize = parse.GetValue(limit),
            }, options).ResponseAsync, ct));

        var verify = new Command("verify", "Walk the audit hash chain and report the first broken link");
        verify.SetAction((parse, ct) => RpcCall.ViaGatewayAsync(parse, (invoker, options) => new AuditService.AuditServiceClient(invoker)
            .VerifyAuditChainAsync(new VerifyAuditChainRequest(), options).ResponseAsync, ct));

        return new Command("audit", "The gateway's tamper-evident audit log (电子监察)") { query, verify };
    }
}
