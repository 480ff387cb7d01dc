using Exchange.ExchangeContext;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// Lets a department method run only for a call whose exchange context <see cref="ExchangeContextGate"/> verified
/// before the request was parsed; health and reflection stay open. On success it sends the holder and the
/// returned data items as response headers, and it refuses to send a unary answer the method did not minimise.
/// </summary>
internal sealed class ExchangeContextInterceptor(ILogger<ExchangeContextInterceptor> logger) : Interceptor
{
    private const string ThroughGateway = "call through the Exchange gateway";

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

    private static bool IsInfrastructure(string method) => ExchangeContextGate.IsInfrastructure(method);

    // The gate checked the context before the request was parsed; a call without its verdict never got past it,
    // unless the gate is missing from the pipeline, which is refused rather than served.
    private ExchangeCall Verify(ServerCallContext context)
    {
        if (context.GetHttpContext().Features.Get<VerifiedExchangeContext>() is not { } verified)
        {
            throw Refuse(context, StatusCode.Unauthenticated,
                $"The call carries no verified exchange context; {ThroughGateway}.");
        }
        var call = new ExchangeCall(verified.Context);
        ExchangeCall.Attach(context, call);
        return call;
    }

    private RpcException Refuse(ServerCallContext context, StatusCode code, string message)
    {
        logger.LogWarning("Refused {Method} from {Peer} with {StatusCode}: {Reason}", context.Method, context.Peer, code, message);
        return new RpcException(new Status(code, message));
    }
}
