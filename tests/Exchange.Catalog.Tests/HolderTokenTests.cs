using System.Security.Cryptography;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Objection.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Catalog.Tests;

/// <summary>
/// A holder's token (role holder, claim holder_id) reaches the objection service and nothing else: a holder raises and
/// reads objections on its own data only, and every other catalog service refuses the token instead of treating the
/// holder as a caller that sees everything.
/// </summary>
[Collection(SharedCatalogCollection.Name)]
public sealed class HolderTokenTests(CatalogProcess catalog)
{
    private const string Holder = "350102199810051643";
    private const string OtherHolder = "510107195507220911";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Holder_raises_and_reads_an_objection_on_own_data()
    {
        var objections = new ObjectionService.ObjectionServiceClient(await AsHolderAsync(Holder));
        var raised = (await objections.RaiseObjectionAsync(Request(Holder, "registered_address"), cancellationToken: Ct)).Objection;

        Assert.Equal((ObjectionState.Open, RaiserKind.Holder, Holder, "PUBLIC-SECURITY"),
            (raised.State, raised.RaiserKind, raised.RaisedBy, raised.ProviderDepartmentCode));
        var mine = (await objections.ListObjectionsAsync(new ListObjectionsRequest(), cancellationToken: Ct)).Objections;
        Assert.Contains(mine, o => o.Id == raised.Id);
        Assert.All(mine, o => Assert.Equal(Holder, o.HolderId));
    }

    [Fact]
    public async Task Holder_cannot_object_to_or_read_another_holders_data()
    {
        var theirs = (await new ObjectionService.ObjectionServiceClient(await AsHolderAsync(OtherHolder))
            .RaiseObjectionAsync(Request(OtherHolder, "name"), cancellationToken: Ct)).Objection;
        var objections = new ObjectionService.ObjectionServiceClient(await AsHolderAsync(Holder));

        var denied = await Assert.ThrowsAsync<RpcException>(() => objections.RaiseObjectionAsync(Request(OtherHolder, "name"), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var hidden = await Assert.ThrowsAsync<RpcException>(() => objections.GetObjectionAsync(new GetObjectionRequest { Id = theirs.Id }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
        var answer = await Assert.ThrowsAsync<RpcException>(() => objections.AnswerObjectionAsync(
            new AnswerObjectionRequest { Id = theirs.Id, Outcome = ObjectionOutcome.Rejected, Answer = "不是我的" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task Holder_token_is_refused_by_every_other_catalog_service()
    {
        var invoker = await AsHolderAsync(Holder);
        var applications = await Assert.ThrowsAsync<RpcException>(() =>
            new AccessService.AccessServiceClient(invoker).ListAccessApplicationsAsync(new ListAccessApplicationsRequest(), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, applications.StatusCode);
        Assert.Contains("ObjectionService", applications.Status.Detail);
        var watch = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = new ObjectionService.ObjectionServiceClient(invoker).WatchOpenObjections(new WatchOpenObjectionsRequest(), cancellationToken: Ct);
            await call.ResponseStream.MoveNext(Ct);
        });
        Assert.Equal(StatusCode.PermissionDenied, watch.StatusCode);
    }

    private static RaiseObjectionRequest Request(string holder, string item) => new()
    {
        Objection = new Objection { ResourceCode = "PS-RESIDENT-BASIC", HolderId = holder, DataItems = { item }, Reason = "住址登记有误" },
    };

    private async Task<CallInvoker> AsHolderAsync(string holderId)
    {
        var template = await catalog.Tokens(ExchangeClients.PublicSecurity).GetTokenAsync(Ct);
        var keys = Path.Combine(catalog.Service.WorkingDirectory, ".data", "catalog", "keys");
        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(Directory.EnumerateFiles(keys, "signing-*.pem").Order().Last(), Ct));
        return catalog.CallsWithAuthorization("Bearer " + Jwt.HolderToken(template, holderId, key));
    }
}
