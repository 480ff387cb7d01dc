using Exchange.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Exchange.Catalog.Grpc;

/// <summary>
/// The catalog's reasons for a refused call: PERMISSION_DENIED with the role needed, or UNAUTHENTICATED saying what
/// is wrong with the token and where to get one.
/// </summary>
internal sealed class CatalogRefusalReasons : IGrpcRefusalReasons
{
    public async Task<(StatusCode Status, string Message)> ExplainAsync(HttpContext context, PolicyAuthorizationResult refused)
    {
        if (refused.Forbidden)
            return (StatusCode.PermissionDenied, refused.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "This call is not allowed for this client.");
        // The handler remembers its result for this request: this reads why it failed, it does not validate again.
        return (StatusCode.Unauthenticated, GrpcCaller.Unauthenticated(await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)));
    }
}
