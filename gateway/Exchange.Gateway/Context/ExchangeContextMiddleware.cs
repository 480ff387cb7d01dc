using Exchange.ExchangeContext;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Context;

/// <summary>
/// Last step before forwarding: replaces whatever context a consumer sent with the gateway's signed one
/// (request id, consumer, provider, resource, method, granted data items, case, purpose, expiry), and keeps the
/// consumer's bearer token from reaching the provider, who could otherwise replay it as the consumer.
/// </summary>
internal sealed class ExchangeContextMiddleware(RequestDelegate next, ExchangeContextSigner signer, TimeProvider time, IOptions<ExchangeContextOptions> options)
{
    private readonly TimeSpan _lifetime = options.Value.Lifetime;

    public Task InvokeAsync(HttpContext context)
    {
        var call = context.Features.GetRequiredFeature<ExchangeCall>();
        var method = context.Features.GetRequiredFeature<IPublishedMethodFeature>();
        var now = time.GetUtcNow();
        var exchangeContext = new Protos.Context.V1.ExchangeContext
        {
            RequestId = call.RequestId,
            ConsumerDepartmentCode = call.Caller!.Department,
            ProviderDepartmentCode = method.Resource.ProviderDepartmentCode,
            ResourceCode = method.Resource.Code,
            ResourceVersion = method.Resource.Version,
            Method = method.Path,
            DataItems = { call.GrantedItems },
            CaseNumber = call.CaseNumber,
            Purpose = call.Purpose,
            IssueTime = Timestamp.FromDateTimeOffset(now),
            ExpireTime = Timestamp.FromDateTimeOffset(now + _lifetime),
        };

        var headers = context.Request.Headers;
        headers.Authorization = default;
        headers[ExchangeMetadata.Context] = Convert.ToBase64String(signer.Sign(exchangeContext));
        return next(context);
    }
}
