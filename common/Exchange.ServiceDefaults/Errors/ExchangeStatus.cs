using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.ServiceDefaults.Errors;

/// <summary>The gRPC status each domain exception stands for, with its google.rpc details: the one mapping of the services.</summary>
public static class ExchangeStatus
{
    /// <returns>The status to answer with, or null when <paramref name="exception"/> is not one of the domain's.</returns>
    public static RpcException? Of(Exception exception)
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
            default:
                return null;
        }
    }

    internal static RpcException Status(Code code, string message, Google.Protobuf.IMessage? detail = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (detail is not null)
            status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }
}
