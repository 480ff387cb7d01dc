using System.Diagnostics;

namespace Exchange.Gateway.Telemetry;

/// <summary>
/// The gateway's steps as spans (ActivitySource <c>Exchange.Gateway</c>, collected by the service defaults with every
/// <c>Exchange.*</c> source), each covering only its own work, so a trace shows where a slow call spent its time:
/// authenticate, route, grant, rate limit, context, then the forward to the provider, then the audit wait.
/// </summary>
internal static class GatewayTracing
{
    public const string SourceName = "Exchange.Gateway";

    public const string Authenticate = "gateway.authenticate";
    public const string Route = "gateway.route";
    public const string Grant = "gateway.grant";
    public const string RateLimit = "gateway.rate_limit";
    public const string Context = "gateway.context";
    public const string AuditWait = "gateway.audit_wait";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>A step's span (null when nobody listens); the caller ends it before handing the call on.</summary>
    public static Activity? Step(string name) => Source.StartActivity(name, ActivityKind.Internal);

    /// <summary>Marks the step as the one that refused the call, with the reason the consumer hears.</summary>
    public static void Refused(this Activity? step, string reason) => step?.SetStatus(ActivityStatusCode.Error, reason);
}
