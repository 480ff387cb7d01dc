using Exchange.Catalog.Domain;
using Exchange.Catalog.Identity;
using Exchange.Catalog.Objections;
using Exchange.Protos.Objection.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Exchange.Catalog.Grpc;

/// <summary>exchange.objection.v1.ObjectionService over the objection register, acting as the caller's token says (holders included).</summary>
[Authorize(Policy = CatalogPolicies.TokenCaller)]
public sealed class ObjectionGrpcService(ObjectionRegister register, ObjectionWatch watch) : ObjectionService.ObjectionServiceBase
{
    public override async Task<RaiseObjectionResponse> RaiseObjection(RaiseObjectionRequest request, ServerCallContext context) =>
        new() { Objection = await register.RaiseAsync(GrpcCaller.OfObjectionCaller(context), request.Objection, context.CancellationToken) };

    public override async Task<GetObjectionResponse> GetObjection(GetObjectionRequest request, ServerCallContext context) =>
        new() { Objection = await register.GetAsync(GrpcCaller.OfObjectionCaller(context), request.Id, context.CancellationToken) };

    public override async Task<ListObjectionsResponse> ListObjections(ListObjectionsRequest request, ServerCallContext context) =>
        new() { Objections = { await register.ListAsync(GrpcCaller.OfObjectionCaller(context), request, context.CancellationToken) } };

    public override async Task<AnswerObjectionResponse> AnswerObjection(AnswerObjectionRequest request, ServerCallContext context) =>
        new() { Objection = await register.AnswerAsync(GrpcCaller.OfObjectionCaller(context), request.Id, request.Outcome, request.Answer, context.CancellationToken) };

    public override async Task WatchOpenObjections(WatchOpenObjectionsRequest request, IServerStreamWriter<WatchOpenObjectionsResponse> responseStream, ServerCallContext context)
    {
        GrpcCaller.Of(context).RequireRole("watch open objections", ActorRole.Gateway, ActorRole.CatalogAdmin);
        await foreach (var response in watch.EventsAsync(context.CancellationToken))
            await responseStream.WriteAsync(response, context.CancellationToken);
    }
}
