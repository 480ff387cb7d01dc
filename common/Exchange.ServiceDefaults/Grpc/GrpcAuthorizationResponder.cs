using System.Globalization;
using Exchange.ExchangeContext;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.ServiceDefaults.Grpc;

/// <summary>Why a service's policy refused a gRPC call, in the words its callers act on.</summary>
public interface IGrpcRefusalReasons
{
    /// <summary>UNAUTHENTICATED (what is wrong with the token) or PERMISSION_DENIED (what the caller lacks), and the message.</summary>
    Task<(StatusCode Status, string Message)> ExplainAsync(HttpContext context, PolicyAuthorizationResult refused);
}

/// <summary>
/// Answers a gRPC call that a policy refused with a gRPC status and the service's reason, never HTTP 401/403 with an
/// empty body; other requests (the pages) get their schemes' own challenge and forbid.
/// </summary>
public sealed class GrpcAuthorizationResponder(IGrpcRefusalReasons reasons) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _http = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !IsGrpc(context.Request))
            return _http.HandleAsync(next, context, policy, authorizeResult);
        return RefuseAsync(context, authorizeResult);
    }

    /// <summary>Writes the refusal as a trailers-only gRPC response (keeping the request id a caller quotes).</summary>
    public async Task RefuseAsync(HttpContext context, PolicyAuthorizationResult refused)
    {
        var (status, message) = await reasons.ExplainAsync(context, refused);
        var response = context.Response;
        var requestId = response.Headers[ExchangeMetadata.RequestId];
        response.Clear();
        if (requestId.Count > 0)
            response.Headers[ExchangeMetadata.RequestId] = requestId;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = ExchangeMetadata.PercentEncode(message);
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}

public static class GrpcAuthorizationResponderExtensions
{
    /// <summary>Refused gRPC calls are answered with a gRPC status and the reasons of <typeparamref name="TReasons"/>.</summary>
    public static IServiceCollection AddGrpcAuthorizationResponder<TReasons>(this IServiceCollection services)
        where TReasons : class, IGrpcRefusalReasons
    {
        services.AddSingleton<IGrpcRefusalReasons, TReasons>();
        services.AddSingleton<GrpcAuthorizationResponder>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(sp => sp.GetRequiredService<GrpcAuthorizationResponder>());
        return services;
    }
}
