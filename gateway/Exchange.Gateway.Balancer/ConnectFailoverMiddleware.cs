using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using System.Net.Http;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Exchange.Gateway.Balancer;

/// <summary>
/// Sends a call whose connection to an instance could not be made to another available instance. Such a call never
/// reached any gateway (not one byte of it was written), so sending it again cannot run it twice, and a gRPC request
/// body, which is a stream that can be read once, has not been touched. Any other failure is answered as it is.
/// </summary>
internal sealed partial class ConnectFailoverMiddleware(RequestDelegate next, IOptions<FailoverOptions> options, ILogger<ConnectFailoverMiddleware> logger)
{
    private readonly int _maxAttempts = options.Value.MaxAttempts;

    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        List<DestinationState>? tried = null;
        for (var attempt = 1; ; attempt++)
        {
            await next(context);

            if (attempt >= _maxAttempts || !NeverReachedTheInstance(context) || proxy.ProxiedDestination is not { } failed)
                return;
            tried ??= [];
            tried.Add(failed);
            var others = Remaining(context, tried);
            if (others.Count == 0)
                return;

            LogFailover(logger, failed.DestinationId, attempt);
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            proxy.ProxiedDestination = null;
            proxy.AvailableDestinations = others;
        }
    }

    private static bool NeverReachedTheInstance(HttpContext context) =>
        !context.Response.HasStarted
        && context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.Request, Exception: { } exception }
        && IsConnectFailure(exception);

    private static bool IsConnectFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
                return true;
        }
        return false;
    }

    /// <summary>The cluster's instances available now (health as of this moment), less those this call already failed to reach.</summary>
    private static List<DestinationState> Remaining(HttpContext context, List<DestinationState> tried)
    {
        var available = context.GetRouteModel().Cluster?.DestinationsState.AvailableDestinations ?? [];
        var remaining = new List<DestinationState>(available.Count);
        foreach (var destination in available)
        {
            if (!tried.Contains(destination))
                remaining.Add(destination);
        }
        return remaining;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not connect to instance {Destination} (attempt {Attempt}); sending the call to another instance.")]
    private static partial void LogFailover(ILogger logger, string destination, int attempt);
}

/// <summary>Section <c>Balancer:Failover</c>.</summary>
public sealed class FailoverOptions
{
    public const string Section = "Balancer:Failover";

    /// <summary>Instances one call may be offered to when the connection to the previous one failed (the first included).</summary>
    [NumberRange(1, 10, ErrorMessage = "Balancer:Failover:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 3;
}

[OptionsValidator]
internal sealed partial class FailoverOptionsValidator : IValidateOptions<FailoverOptions>;
