using Exchange.Catalog.Access;
using Exchange.Catalog.Domain;
using Exchange.Catalog.Watch;
using Exchange.Protos.Catalog.V1;
using Grpc.Core;

namespace Exchange.Catalog.Grpc;

/// <summary>exchange.catalog.v1.AccessService over the access applications, acting as the caller's token says.</summary>
public sealed class AccessGrpcService(AccessApplications applications, GrantWatch watch) : AccessService.AccessServiceBase
{
    public override async Task<ApplyForAccessResponse> ApplyForAccess(ApplyForAccessRequest request, ServerCallContext context) =>
        new() { Application = await applications.ApplyAsync(await GrpcCaller.RequireAsync(context), request.Application, context.CancellationToken) };

    public override async Task<ApproveAccessApplicationResponse> ApproveAccessApplication(ApproveAccessApplicationRequest request, ServerCallContext context) =>
        new() { Application = await applications.ApproveAsync(await GrpcCaller.RequireAsync(context), request.Id, request.Note, context.CancellationToken) };

    public override async Task<RejectAccessApplicationResponse> RejectAccessApplication(RejectAccessApplicationRequest request, ServerCallContext context) =>
        new() { Application = await applications.RejectAsync(await GrpcCaller.RequireAsync(context), request.Id, request.Reason, context.CancellationToken) };

    public override async Task<RevokeGrantResponse> RevokeGrant(RevokeGrantRequest request, ServerCallContext context) =>
        new() { Application = await applications.RevokeAsync(await GrpcCaller.RequireAsync(context), request.Id, request.Reason, context.CancellationToken) };

    public override async Task<GetAccessApplicationResponse> GetAccessApplication(GetAccessApplicationRequest request, ServerCallContext context) =>
        new() { Application = await applications.GetAsync(await GrpcCaller.RequireAsync(context), request.Id, context.CancellationToken) };

    public override async Task<ListAccessApplicationsResponse> ListAccessApplications(ListAccessApplicationsRequest request, ServerCallContext context) =>
        new() { Applications = { await applications.ListAsync(await GrpcCaller.RequireAsync(context), request, context.CancellationToken) } };

    public override async Task WatchGrants(WatchGrantsRequest request, IServerStreamWriter<WatchGrantsResponse> responseStream, ServerCallContext context)
    {
        var actor = await GrpcCaller.RequireAsync(context);
        actor.RequireRole("watch grants", ActorRole.Gateway, ActorRole.CatalogAdmin);
        await foreach (var response in watch.EventsAsync(context.CancellationToken))
            await responseStream.WriteAsync(response, context.CancellationToken);
    }
}
