using Exchange.Catalog.Identity;
using Microsoft.AspNetCore.Authorization;
using Exchange.Catalog.Domain;
using Exchange.Catalog.Grpc;
using Exchange.Protos.Context.V1;
using Exchange.ServiceDefaults.Errors;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ContextKeyMessage = Exchange.Protos.Context.V1.ContextKey;

namespace Exchange.Catalog.ContextKeys;

/// <summary>
/// exchange.context.v1.ContextKeyService: a provider department's client gets its own department's context keys,
/// the gateway's client every registered department's; nobody else any.
/// </summary>
public sealed class ContextKeyGrpcService(ContextKeyStore store, DepartmentRegistry departments) : ContextKeyService.ContextKeyServiceBase
{
    [Authorize(Policy = CatalogPolicies.TokenCaller)]
    public override async Task<ListContextKeysResponse> ListContextKeys(ListContextKeysRequest request, ServerCallContext context)
    {
        var actor = GrpcCaller.Of(context);
        var asked = request.DepartmentCode.Trim();
        IEnumerable<string> codes = actor.Role switch
        {
            ActorRole.Gateway when asked.Length > 0 => [asked],
            ActorRole.Gateway => (await departments.ListAsync(context.CancellationToken)).Select(d => d.Code),
            ActorRole.Department when asked.Length == 0 || asked == actor.DepartmentCode => [actor.DepartmentCode!],
            ActorRole.Department => throw new PermissionDeniedException(
                $"{actor} may read only the context keys of {actor.DepartmentCode}, not of {asked}."),
            _ => throw new PermissionDeniedException(
                $"Context keys go only to the exchange gateway and to each provider department's own client; {actor} is neither."),
        };

        var response = new ListContextKeysResponse();
        foreach (var code in codes)
        {
            if (!await departments.ExistsAsync(code, context.CancellationToken))
                throw new NotFoundException($"No department {code} is registered in the catalog.");
            response.Keys.Add(store.KeysOf(code).Select(ToMessage));
        }
        return response;
    }

    private static ContextKeyMessage ToMessage(StoredContextKey key) => new()
    {
        DepartmentCode = key.DepartmentCode,
        KeyId = key.KeyId,
        Key = ByteString.CopyFrom(key.Key),
        Current = key.Current,
        ExpireTime = key.ExpireTime is { } expires ? Timestamp.FromDateTimeOffset(expires) : null,
    };
}
