using Exchange.ExchangeContext;
using Exchange.Gateway.Audit;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Exchange.Gateway.Objections;

/// <summary>
/// Tells the consumer which returned items are under an open objection (trailer <c>x-exchange-objections</c>), once
/// the provider has reported the holder and the items (<see cref="ProviderReportTransform"/> runs first). A provider
/// cannot set or suppress the trailer: any it sends is dropped.
/// </summary>
internal sealed class ObjectionFlagTransform(ObjectionFlags flags) : ITransformProvider
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
            transform.HttpContext.Response.Headers.Remove(ExchangeMetadata.Objections);
            return ValueTask.CompletedTask;
        });
        context.AddResponseTrailersTransform(transform =>
        {
            var http = transform.HttpContext;
            if (http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is not { IsReadOnly: false } trailers)
                return ValueTask.CompletedTask;
            trailers.Remove(ExchangeMetadata.Objections);
            if (http.Features.Get<ExchangeCall>() is not { HolderId.Length: > 0 } call
                || http.Features.Get<IPublishedMethodFeature>() is not { } method)
                return ValueTask.CompletedTask;
            var flagged = flags.Current.Flagged(method.Resource.Code, call.HolderId.ToUpperInvariant(), AuditStore.SplitItems(call.ReturnedItems));
            if (flagged.Count > 0)
                trailers[ExchangeMetadata.Objections] = ExchangeMetadata.PercentEncode(string.Join(',', flagged));
            return ValueTask.CompletedTask;
        });
    }
}
