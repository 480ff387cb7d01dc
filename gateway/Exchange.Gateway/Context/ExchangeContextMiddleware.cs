using Exchange.ExchangeContext;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.Context;

/// <summary>
/// Last step before forwarding: replaces whatever context a consumer sent with the gateway's signed one
/// (request id, consumer, provider, resource, method, granted data items, case, purpose, expiry), and keeps the
/// consumer's bearer token from reaching the provider, who could otherwise replay it as the consumer.
/// </summary>
internal sealed class ExchangeContextMiddleware(RequestDelegate next, ExchangeContextSigner signer, ExchangeContextFactory contexts)
{
    public Task InvokeAsync(HttpContext context)
    {
        var call = context.Features.GetRequiredFeature<ExchangeCall>();
        var method = context.Features.GetRequiredFeature<IPublishedMethodFeature>();
        var exchangeContext = contexts.Create(method, call.RequestId, call.Caller!.Department!, call.GrantedItems, call.CaseNumber, call.Purpose);

        var headers = context.Request.Headers;
        headers.Authorization = default;
        headers[ExchangeMetadata.Context] = Convert.ToBase64String(signer.Sign(exchangeContext));
        return next(context);
    }
}
