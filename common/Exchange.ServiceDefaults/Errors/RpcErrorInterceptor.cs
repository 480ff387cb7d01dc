using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Exchange.ServiceDefaults.Errors;

/// <summary>
/// Maps domain exceptions to gRPC statuses with google.rpc details, and anything unexpected to INTERNAL
/// without leaking a stack trace.
/// </summary>
internal sealed class RpcErrorInterceptor(ILogger<RpcErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        if (ExchangeStatus.Of(exception) is { } status)
            return status;
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            return ExchangeStatus.Status(Code.Cancelled, "The call was cancelled.");
        logger.LogError(exception, "Unhandled error in {Method}", context.Method);
        return ExchangeStatus.Status(Code.Internal, "Internal error; the service logged the details.");
    }
}
