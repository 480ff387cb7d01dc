namespace Exchange.ServiceDefaults.Errors;

/// <summary>
/// A domain error that becomes a gRPC status with a message a person can act on.
/// Services throw these; <see cref="RpcErrorInterceptor"/> turns them into <c>RpcException</c> in one place.
/// </summary>
public abstract class ExchangeException(string message) : Exception(message);

/// <summary>INVALID_ARGUMENT: a request field is malformed. Carries a google.rpc.BadRequest field violation.</summary>
public sealed class InvalidFieldException(string field, string reason)
    : ExchangeException($"{field} {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}

/// <summary>NOT_FOUND: the named thing does not exist.</summary>
public sealed class NotFoundException(string message) : ExchangeException(message);

/// <summary>ALREADY_EXISTS: a create would collide with an existing entry.</summary>
public sealed class AlreadyExistsException(string message) : ExchangeException(message);

/// <summary>FAILED_PRECONDITION: the system is not in a state that allows the operation; lists every violation.</summary>
public sealed class PreconditionFailedException(string message, IReadOnlyList<string> violations)
    : ExchangeException(violations.Count == 0 ? message : $"{message}: {string.Join("; ", violations)}")
{
    public IReadOnlyList<string> Violations { get; } = violations;
}

/// <summary>UNAUTHENTICATED: the call carries no valid bearer token (missing, expired, forged or for another audience).</summary>
public sealed class UnauthenticatedException(string message) : ExchangeException(message);

/// <summary>PERMISSION_DENIED: the caller is known but may not do this; the message names what is needed.</summary>
public sealed class PermissionDeniedException(string message) : ExchangeException(message);

/// <summary>A service the answer depends on is down or too slow (UNAVAILABLE); the caller may retry.</summary>
public sealed class UnavailableException(string message) : ExchangeException(message);

/// <summary>RESOURCE_EXHAUSTED: the caller has used up a quota; the message names it and how to free some.</summary>
public sealed class ResourceExhaustedException(string message) : ExchangeException(message);
