using Exchange.Catalog.Domain;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Catalog.UnitTests.Access;

public sealed class AccessApplicationsTests : IAsyncLifetime
{
    private static readonly CatalogActor Clerk = CatalogActor.ForDepartment("civil-affairs-client", CatalogStore.Consumer);
    private static readonly CatalogActor ProviderClerk = CatalogActor.ForDepartment("public-security-client", CatalogStore.Provider);
    private static readonly CatalogActor Outsider = CatalogActor.ForDepartment("market-client", "MARKET-REGULATION");

    private CatalogStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _store = await CatalogStore.OpenAsync();
        await _store.PublishedAsync(CatalogStore.Draft("PS-COND"));
        await _store.PublishedAsync(CatalogStore.Draft("PS-OPEN", ShareType.Unconditional, "exchange.publicsecurity.v1.OpenService"));
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private AccessApplication Request(string resource = "PS-COND", TimeSpan? lasting = null, params string[] items)
    {
        var request = new AccessApplication
        {
            ResourceCode = resource,
            Purpose = "marriage registration",
            LegalBasis = "Marriage Registration Regulations art. 5",
            ValidUntil = Timestamp.FromDateTimeOffset(_store.Clock.GetUtcNow() + (lasting ?? TimeSpan.FromDays(30))),
        };
        request.DataItems.Add(items.Length == 0 ? ["name"] : items);
        return request;
    }

    [Fact]
    public async Task Approved_application_becomes_a_grant_in_the_snapshot_and_on_the_feed()
    {
        using var watcher = _store.GrantFeed.Subscribe();
        var applied = await _store.Applications.ApplyAsync(Clerk, Request(), CancellationToken.None);
        Assert.Equal(AccessApplicationState.Pending, applied.State);
        Assert.Empty((await _store.Applications.SnapshotAsync(CancellationToken.None)).Grants);

        await _store.Applications.ApproveAsync(ProviderClerk, applied.Id, string.Empty, CancellationToken.None);

        Assert.True(watcher.Changes.TryRead(out var change));
        Assert.Equal(GrantChangeType.Granted, change.Type);
        var snapshot = await _store.Applications.SnapshotAsync(CancellationToken.None);
        var grant = Assert.Single(snapshot.Grants);
        Assert.Equal((applied.Id, CatalogStore.Consumer, "PS-COND"), (grant.ApplicationId, grant.ConsumerDepartmentCode, grant.ResourceCode));
        Assert.Equal(["name"], grant.DataItems);
        Assert.Equal(change.Revision, snapshot.Revision);
    }

    [Fact]
    public async Task Rejected_application_publishes_no_grant()
    {
        using var watcher = _store.GrantFeed.Subscribe();
        var applied = await _store.Applications.ApplyAsync(Clerk, Request(), CancellationToken.None);

        var rejected = await _store.Applications.RejectAsync(ProviderClerk, applied.Id, "purpose unrelated to the resource", CancellationToken.None);

        Assert.Equal(AccessApplicationState.Rejected, rejected.State);
        Assert.Equal("purpose unrelated to the resource", rejected.DecisionReason);
        Assert.False(watcher.Changes.TryRead(out _));
        Assert.Empty((await _store.Applications.SnapshotAsync(CancellationToken.None)).Grants);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => _store.Applications.ApproveAsync(ProviderClerk, applied.Id, string.Empty, CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_provider_or_a_catalog_admin_may_decide()
    {
        var applied = await _store.Applications.ApplyAsync(Clerk, Request(), CancellationToken.None);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => _store.Applications.ApproveAsync(Clerk, applied.Id, string.Empty, CancellationToken.None));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => _store.Applications.ApproveAsync(Outsider, applied.Id, string.Empty, CancellationToken.None));
        var approved = await _store.Applications.ApproveAsync(CatalogActor.Administrator("admin"), applied.Id, string.Empty, CancellationToken.None);
        Assert.Equal(AccessApplicationState.Approved, approved.State);
    }

    [Fact]
    public async Task An_application_that_ran_out_while_pending_cannot_be_approved()
    {
        var applied = await _store.Applications.ApplyAsync(Clerk, Request(lasting: TimeSpan.FromHours(1)), CancellationToken.None);

        _store.Clock.Advance(TimeSpan.FromHours(1));

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => _store.Applications.ApproveAsync(ProviderClerk, applied.Id, string.Empty, CancellationToken.None));
        Assert.Contains("has passed", refused.Message);
    }

    [Fact]
    public async Task Revocation_needs_a_reason_and_removes_the_grant()
    {
        var applied = await _store.Applications.ApplyAsync(Clerk, Request(), CancellationToken.None);
        await _store.Applications.ApproveAsync(ProviderClerk, applied.Id, string.Empty, CancellationToken.None);

        var missing = await Assert.ThrowsAsync<InvalidFieldException>(() => _store.Applications.RevokeAsync(ProviderClerk, applied.Id, "  ", CancellationToken.None));
        Assert.Equal("reason", missing.Field);
        await _store.Applications.RevokeAsync(ProviderClerk, applied.Id, "case closed", CancellationToken.None);

        Assert.Empty((await _store.Applications.SnapshotAsync(CancellationToken.None)).Grants);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => _store.Applications.RevokeAsync(ProviderClerk, applied.Id, "again", CancellationToken.None));
    }

    [Fact]
    public async Task Unconditional_and_own_resources_cannot_be_applied_for()
    {
        var open = await Assert.ThrowsAsync<PreconditionFailedException>(() => _store.Applications.ApplyAsync(Clerk, Request("PS-OPEN"), CancellationToken.None));
        Assert.Contains(open.Violations, v => v.Contains("shared unconditionally"));

        var own = await Assert.ThrowsAsync<PreconditionFailedException>(() => _store.Applications.ApplyAsync(ProviderClerk, Request(), CancellationToken.None));
        Assert.Contains(own.Violations, v => v.Contains("needs no grant"));
    }

    [Fact]
    public async Task Items_the_resource_does_not_have_are_refused_by_index()
    {
        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() => _store.Applications.ApplyAsync(Clerk, Request(items: ["name", "photo"]), CancellationToken.None));

        Assert.Equal("application.data_items[1]", refused.Field);
    }

    [Fact]
    public async Task Every_grant_ends()
    {
        var request = Request();
        request.ValidUntil = null;

        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() => _store.Applications.ApplyAsync(Clerk, request, CancellationToken.None));

        Assert.Equal("application.valid_until", refused.Field);
    }

    [Fact]
    public async Task A_department_sees_only_applications_it_is_party_to()
    {
        var applied = await _store.Applications.ApplyAsync(Clerk, Request(), CancellationToken.None);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => _store.Applications.GetAsync(Outsider, applied.Id, CancellationToken.None));
        Assert.Empty(await _store.Applications.ListAsync(Outsider, new ListAccessApplicationsRequest(), CancellationToken.None));
        Assert.Single(await _store.Applications.ListAsync(ProviderClerk, new ListAccessApplicationsRequest(), CancellationToken.None));
    }
}
