using Exchange.Gateway.Catalog;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Answers every request no route matches: NOT_FOUND naming the method, or UNAVAILABLE while the gateway has
/// no catalog at all yet.
/// </summary>
internal sealed class UnroutedRequest(CatalogState state, IOptions<CatalogOptions> options)
{
    public Task HandleAsync(HttpContext context)
    {
        if (state.Current is null)
        {
            return GrpcStatusResponse.WriteAsync(context, StatusCode.Unavailable,
                $"The gateway has no catalog yet: no saved snapshot and the catalog at {options.Value.Address} has not answered. Try again shortly.");
        }
        return GrpcStatusResponse.WriteAsync(context, StatusCode.NotFound, NotPublishedMessage(context.Request.Path));
    }

    public static string NotPublishedMessage(PathString path)
    {
        var method = path.HasValue ? path.Value!.TrimStart('/') : string.Empty;
        if (method.Length > 200)
            method = method[..200] + "...";
        if (method.IndexOf('/') <= 0)
            return $"'{path}' is not a gRPC method path; calls through the gateway use /{{package.Service}}/{{Method}}.";
        return $"No published catalog resource serves {method}. Ask the providing department to publish it in the catalog.";
    }
}
