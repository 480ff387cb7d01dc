using Exchange.Catalog.Identity;
using Microsoft.AspNetCore.Authorization;
using Exchange.Catalog.Access;
using Exchange.Catalog.Domain;
using Exchange.Catalog.Watch;
using Exchange.Protos.Catalog.V1;
using Grpc.Core;

namespace Exchange.Catalog.Grpc;

/// <summary>exchange.catalog.v1.AccessService over the access applications, acting as the caller's token says.</summary>
[Authorize(Policy = CatalogPolicies.TokenCaller)]
public sealed class AccessGrpcService(AccessApplications applications, GrantWatch watch) : AccessService.AccessServiceBase
{
    public override async Task<ApplyForAccessResponse> ApplyForAccess(ApplyForAccessRequest request, ServerCallContext context) =>
        new() { Application = await applications.ApplyAsync(GrpcCaller.Of(context), request.Application, context.CancellationToken) };

    public override async Task<ApproveAccessApplicationResponse> ApproveAccessApplication(ApproveAccessApplicationRequest request, ServerCallContext context) =>
        new() { Application = await applications.ApproveAsync(GrpcCaller.Of(context), request.Id, request.Note, context.CancellationToken) };

    public override async Task<RejectAccessApplicationResponse> RejectAccessApplication(RejectAccessApplicationRequest request, ServerCallContext context) =>
        new() { Application = await applications.RejectAsync(GrpcCaller.Of(context), request.Id, request.Reason, context.CancellationToken) };

    public override async Task<RevokeGrantResponse> RevokeGrant(RevokeGrantRequest request, ServerCallContext context) =>
        new() { Application = await applications.RevokeAsync(GrpcCaller.Of(context), request.Id, request.Reason, context.CancellationToken) };

    public override async Task<GetAccessApplicationResponse> GetAccessApplication(GetAccessApplicationRequest request, ServerCallContext context) =>
        new() { Application = await applications.GetAsync(GrpcCaller.Of(context), request.Id, context.CancellationToken) };

    public override async Task<ListAccessApplicationsResponse> ListAccessApplications(ListAccessApplicationsRequest request, ServerCallContext context) =>
        new() { Applications = { await applications.ListAsync(GrpcCaller.Of(context), request, context.CancellationToken) } };

    public override async Task WatchGrants(WatchGrantsRequest request, IServerStreamWriter<WatchGrantsResponse> responseStream, ServerCallContext context)
    {
        var actor = GrpcCaller.Of(context);
        actor.RequireRole("watch grants", ActorRole.Gateway, ActorRole.CatalogAdmin);
        await foreach (var response in watch.EventsAsync(context.CancellationToken))
            await responseStream.WriteAsync(response, context.CancellationToken);
    }
}
