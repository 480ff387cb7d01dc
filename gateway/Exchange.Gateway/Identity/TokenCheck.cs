using Grpc.Core;

namespace Exchange.Gateway.Identity;

/// <summary>The outcome of checking a bearer token: the caller, or the status and message to answer with.</summary>
public readonly record struct TokenCheck(Caller? Caller, StatusCode Status, string Problem)
{
    public static TokenCheck Valid(Caller caller) => new(caller, StatusCode.OK, string.Empty);

    public static TokenCheck Unauthenticated(string problem) => new(null, StatusCode.Unauthenticated, problem);

    public static TokenCheck Unavailable(string problem) => new(null, StatusCode.Unavailable, problem);
}
