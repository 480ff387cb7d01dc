using Exchange.Gateway.Telemetry;
using Grpc.Core;
using Yarp.ReverseProxy.Forwarder;

namespace Exchange.Gateway.Routing;

/// <summary>
/// First step of every proxied call: resolves the request path to the published method and its resource
/// (answering NOT_FOUND when no published resource covers it), sends the call to that method's provider endpoint,
/// and after forwarding turns a provider that could not be reached into UNAVAILABLE instead of an HTTP 502.
/// </summary>
internal sealed partial class PublishedMethodMiddleware(RequestDelegate next, CatalogProxyConfigProvider routes, ILogger<PublishedMethodMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        PublishedMethod? method;
        using (var step = GatewayTracing.Step(GatewayTracing.Route))
        {
            // A provider endpoint YARP has not taken in yet is a resource not yet routed, as when it had a route of its own.
            if (!routes.Table.MethodsByPath.TryGetValue(context.Request.Path.Value ?? string.Empty, out method)
                || !ProviderDestination.Select(context, method.Endpoint))
            {
                step.Refused("No published resource covers the method.");
                await GrpcStatusResponse.WriteAsync(context, StatusCode.NotFound, UnroutedRequest.NotPublishedMessage(context.Request.Path));
                return;
            }
            step?.SetTag("exchange.resource", method.Resource.Code);
            step?.SetTag("exchange.provider", method.Resource.ProviderDepartmentCode);
        }

        context.Features.Set<IPublishedMethodFeature>(method);
        // The caller's deadline (grpc-timeout) bounds the forwarded call here too, so a call whose request or answer
        // stalls ends as DEADLINE_EXCEEDED at the deadline, whichever side stalls.
        var timeout = GrpcTimeout.Of(context.Request);
        var callerAborted = context.RequestAborted;
        using var deadline = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(callerAborted);
        if (deadline is not null)
        {
            deadline.CancelAfter(timeout!.Value);
            context.RequestAborted = deadline.Token;
        }
        await next(context);
        context.RequestAborted = callerAborted;

        var error = context.Features.Get<IForwarderErrorFeature>();
        if (error is null || context.Response.HasStarted)
            return;
        if (deadline is { IsCancellationRequested: true } && !callerAborted.IsCancellationRequested)
        {
            await GrpcStatusResponse.WriteAsync(context, StatusCode.DeadlineExceeded,
                $"The call's deadline ({context.Request.Headers["grpc-timeout"]}) passed before {method.GrpcService}/{method.GrpcMethod} was answered; allow a longer deadline or try again.");
            return;
        }
        if (error.Error == ForwarderError.RequestBodyClient)
        {
            // The consumer stopped sending mid-message; the provider is not at fault.
            await GrpcStatusResponse.WriteAsync(context, StatusCode.Cancelled,
                "The request message stopped arriving before it was complete; the call was not answered.");
            return;
        }
        var status = StatusFor(error.Error);
        if (status == StatusCode.Unavailable)
            LogProviderFailed(method.Endpoint, method.GrpcService, method.GrpcMethod, error.Error, Innermost(error.Exception)?.Message);
        await GrpcStatusResponse.WriteAsync(context, status, FailureMessage(method, error));
    }

    private static StatusCode StatusFor(ForwarderError error) => error switch
    {
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled => StatusCode.Cancelled,
        ForwarderError.RequestTimedOut => StatusCode.DeadlineExceeded,
        _ => StatusCode.Unavailable,
    };

    private static string FailureMessage(PublishedMethod method, IForwarderErrorFeature error)
    {
        var cause = Innermost(error.Exception);
        var reason = cause is null ? error.Error.ToString() : $"{error.Error}: {cause.Message}";
        return $"The provider of {method.GrpcService}/{method.GrpcMethod} (resource {method.Resource.Code}) at {method.Endpoint} "
            + $"did not answer ({reason}). Try again later; if it persists, ask the providing department to check its service.";
    }

    private static Exception? Innermost(Exception? exception)
    {
        while (exception?.InnerException is not null)
            exception = exception.InnerException;
        return exception;
    }

    // Replaces YARP's own forwarder warning (silenced in appsettings.json), which carries a full stack trace.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {Endpoint} did not answer {GrpcService}/{GrpcMethod}: {Error} {Reason}")]
    private partial void LogProviderFailed(string endpoint, string grpcService, string grpcMethod, ForwarderError error, string? reason);
}
