using Exchange.Catalog.Identity;
using Microsoft.AspNetCore.Authorization;
using Exchange.Catalog.Licences;
using Exchange.Protos.Catalog.V1;
using Grpc.Core;

namespace Exchange.Catalog.Grpc;

/// <summary>exchange.catalog.v1.IssuerKeyService: issuers register their public keys; anyone reads them.</summary>
public sealed class IssuerKeyGrpcService(IssuerKeyRegistry registry) : IssuerKeyService.IssuerKeyServiceBase
{
    [Authorize(Policy = CatalogPolicies.TokenCaller)]
    public override async Task<RegisterIssuerKeysResponse> RegisterIssuerKeys(RegisterIssuerKeysRequest request, ServerCallContext context)
    {
        var actor = GrpcCaller.Of(context);
        return new() { Keys = { await registry.RegisterAsync(actor, request.DepartmentCode.Trim(), request.Keys, context.CancellationToken) } };
    }

    public override async Task<ListIssuerKeysResponse> ListIssuerKeys(ListIssuerKeysRequest request, ServerCallContext context) =>
        new() { Keys = { await registry.ListAsync(request.DepartmentCode.Trim(), context.CancellationToken) } };
}
