using Google.Protobuf.WellKnownTypes;
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
        switch (exception)
        {
            case InvalidFieldException invalid:
                return Status(Code.InvalidArgument, invalid.Message, new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = invalid.Field, Description = invalid.Reason } },
                });
            case NotFoundException notFound:
                return Status(Code.NotFound, notFound.Message);
            case AlreadyExistsException exists:
                return Status(Code.AlreadyExists, exists.Message);
            case UnauthenticatedException unauthenticated:
                return Status(Code.Unauthenticated, unauthenticated.Message);
            case PermissionDeniedException denied:
                return Status(Code.PermissionDenied, denied.Message);
            case UnavailableException unavailable:
                return Status(Code.Unavailable, unavailable.Message);
            case ResourceExhaustedException exhausted:
                return Status(Code.ResourceExhausted, exhausted.Message);
            case PreconditionFailedException failed:
                var detail = new PreconditionFailure();
                foreach (var violation in failed.Violations)
                    detail.Violations.Add(new PreconditionFailure.Types.Violation { Type = "INVALID", Description = violation });
                return Status(Code.FailedPrecondition, failed.Message, detail);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return Status(Code.Cancelled, "The call was cancelled.");
            default:
                logger.LogError(exception, "Unhandled error in {Method}", context.Method);
                return Status(Code.Internal, "Internal error; the service logged the details.");
        }
    }

    private static RpcException Status(Code code, string message, Google.Protobuf.IMessage? detail = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (detail is not null)
            status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }
}
