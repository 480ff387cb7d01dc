using System.CommandLine;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Cli.Commands;

/// <summary>`exchange catalog ...`: read the resource catalog, publish and deprecate entries.</summary>
internal static class CatalogCommands
{
    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "Resource code, for example PS-RESIDENT-BASIC" };
        var version = new Option<int>("--version") { Description = "A specific version; the published one when omitted" };
        var provider = new Option<string>("--provider") { Description = "Only resources of this department code" };

        var departments = new Command("departments", "List registered departments");
        departments.SetAction((parse, ct) => RpcCall.ViaCatalogAsync(parse,
            (channel, options) => Client(channel).ListDepartmentsAsync(new ListDepartmentsRequest(), options).ResponseAsync, ct));

        var resources = new Command("resources", "List published resources") { provider };
        resources.SetAction((parse, ct) => RpcCall.ViaCatalogAsync(parse,
            (channel, options) => Client(channel).ListResourcesAsync(
                new ListResourcesRequest { ProviderDepartmentCode = parse.GetValue(provider) ?? string.Empty }, options).ResponseAsync, ct));

        var get = new Command("get", "Show a published resource, or one of its versions") { code, version };
        get.SetAction((parse, ct) => RpcCall.ViaCatalogAsync(parse,
            (channel, options) => Client(channel).GetResourceAsync(
                new GetResourceRequest { Code = parse.GetValue(code), Version = parse.GetValue(version) }, options).ResponseAsync, ct));

        var publish = new Command("publish", "Publish the draft of a resource as its next version") { code };
        publish.SetAction((parse, ct) => RpcCall.ViaCatalogAsync(parse,
            (channel, options) => Client(channel).PublishResourceAsync(new PublishResourceRequest { Code = parse.GetValue(code) }, options).ResponseAsync, ct,
            CliIdentity.DefaultAdminClient));

        var deprecate = new Command("deprecate", "Deprecate the published version of a resource; it stops routing") { code };
        deprecate.SetAction((parse, ct) => RpcCall.ViaCatalogAsync(parse,
            (channel, options) => Client(channel).DeprecateResourceAsync(new DeprecateResourceRequest { Code = parse.GetValue(code) }, options).ResponseAsync, ct,
            CliIdentity.DefaultAdminClient));

        return new Command("catalog", "Read and change the resource catalog") { departments, resources, get, publish, deprecate };
    }

    private static CatalogService.CatalogServiceClient Client(Grpc.Core.CallInvoker invoker) => new(invoker);
}
