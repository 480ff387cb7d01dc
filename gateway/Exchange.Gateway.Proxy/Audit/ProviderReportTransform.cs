using Exchange.ExchangeContext;
using Exchange.Gateway.Calls;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Exchange.Gateway.Audit;

/// <summary>
/// Takes what a provider reports for the audit log — the holder the call was about and the data items it
/// returned — off the response, so it reaches the audit record and never the consumer.
/// </summary>
internal sealed class ProviderReportTransform : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        context.AddResponseTransform(static transform =>
        {
            Take(transform.HttpContext, transform.HttpContext.Response.Headers);
            return ValueTask.CompletedTask;
        });
        context.AddResponseTrailersTransform(static transform =>
        {
            if (transform.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseTrailersFeature>()?.Trailers is { } trailers)
                Take(transform.HttpContext, trailers);
            return ValueTask.CompletedTask;
        });
    }

    private static void Take(HttpContext context, IHeaderDictionary headers)
    {
        var holder = headers[ExchangeMetadata.Holder];
        var items = headers[ExchangeMetadata.ReturnedItems];
        if (StringValues.IsNullOrEmpty(holder) && StringValues.IsNullOrEmpty(items))
            return;
        if (context.Features.Get<ExchangeCall>() is { } call)
        {
            if (!StringValues.IsNullOrEmpty(holder))
                call.HolderId = ExchangeMetadata.PercentDecode(holder.ToString());
            if (!StringValues.IsNullOrEmpty(items))
                call.ReturnedItems = items.ToString();
        }
        headers.Remove(ExchangeMetadata.Holder);
        headers.Remove(ExchangeMetadata.ReturnedItems);
    }
}
