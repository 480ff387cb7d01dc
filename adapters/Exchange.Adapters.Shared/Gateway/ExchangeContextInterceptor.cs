using Exchange.ExchangeContext;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// Lets a department method run only for a call the gateway vouched for: a valid signed exchange context issued
/// for this method and for a resource of this department. The one place that refuses such calls with
/// UNAUTHENTICATED or PERMISSION_DENIED; health and reflection stay open. On success it sends the holder and the
/// returned data items as response headers, and it refuses to send a unary answer the method did not minimise.
/// </summary>
internal sealed class ExchangeContextInterceptor(
    ExchangeContextVerifier verifier,
    IOptions<ExchangeContextOptions> options,
    ILogger<ExchangeContextInterceptor> logger) : Interceptor
{
    private const string ThroughGateway = "call through the Exchange gateway";
    private readonly string _department = options.Value.Department;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (IsInfrastructure(context.Method))
            return await continuation(request, context);

        var call = Verify(context);
        var response = await continuation(request, context);
        if (!call.IsAnswered)
        {
            logger.LogError("{Method} answered without minimising its response; the answer is withheld", context.Method);
            throw new RpcException(new Status(StatusCode.Internal, "Internal error; the service logged the details."));
        }
        await context.WriteResponseHeadersAsync(new Metadata
        {
            { ExchangeMetadata.Holder, call.Holder! },
            { ExchangeMetadata.ReturnedItems, call.ReturnedItems! },
        });
        return response;
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!IsInfrastructure(context.Method))
            Verify(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!IsInfrastructure(context.Method))
            Verify(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!IsInfrastructure(context.Method))
            Verify(context);
        return continuation(requestStream, responseStream, context);
    }

    // Probes and tooling, not department data: everything else needs a context (deny by default).
    private static bool IsInfrastructure(string method) =>
        method.StartsWith("/grpc.health.", StringComparison.Ordinal) || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);

    private ExchangeCall Verify(ServerCallContext context)
    {
        var value = context.RequestHeaders.GetValueBytes(ExchangeMetadata.Context);
        if (value is null || value.Length == 0)
            throw Refuse(context, StatusCode.Unauthenticated, $"The call carries no exchange context ({ExchangeMetadata.Context}); {ThroughGateway}.");

        var verification = verifier.Verify(value, context.Method);
        if (!verification.IsValid)
            throw Refuse(context, StatusCode.Unauthenticated, $"The exchange context is refused: {verification.Problem}; {ThroughGateway}.");

        var exchange = verification.Context!;
        if (!string.Equals(exchange.ProviderDepartmentCode, _department, StringComparison.Ordinal))
        {
            throw Refuse(context, StatusCode.PermissionDenied,
                $"The exchange context is for resource {exchange.ResourceCode} of {exchange.ProviderDepartmentCode}, but this adapter serves {_department}.");
        }

        var call = new ExchangeCall(exchange);
        ExchangeCall.Attach(context, call);
        return call;
    }

    private RpcException Refuse(ServerCallContext context, StatusCode code, string message)
    {
        logger.LogWarning("Refused {Method} from {Peer} with {StatusCode}: {Reason}", context.Method, context.Peer, code, message);
        return new RpcException(new Status(code, message));
    }
}
