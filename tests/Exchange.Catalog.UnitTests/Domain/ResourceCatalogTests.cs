using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Catalog.UnitTests.Domain;

public sealed class ResourceCatalogTests : IAsyncLifetime
{
    private CatalogStore _store = null!;

    public async ValueTask InitializeAsync() => _store = await CatalogStore.OpenAsync();

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task Publishing_makes_version_one_and_tells_watchers_with_the_next_revision()
    {
        using var watcher = _store.ResourceFeed.Subscribe();

        var published = await _store.PublishedAsync(CatalogStore.Draft("PS-RESIDENT"));

        Assert.Equal(1, published.Version);
        Assert.Equal(ResourceState.Published, published.State);
        Assert.Equal(_store.Clock.GetUtcNow(), published.PublishTime.ToDateTimeOffset());
        Assert.True(watcher.Changes.TryRead(out var change));
        Assert.Equal((ResourceChangeType.Published, "PS-RESIDENT"), (change.Type, change.Resource.Code));
        var snapshot = await _store.Resources.SnapshotAsync(CancellationToken.None);
        Assert.Equal(change.Revision, snapshot.Revision);
        Assert.Equal("PS-RESIDENT", Assert.Single(snapshot.Resources).Code);
    }

    [Fact]
    public async Task Publishing_again_supersedes_the_previous_version()
    {
        await _store.PublishedAsync(CatalogStore.Draft("PS-RESIDENT"));
        var draft = CatalogStore.Draft("PS-RESIDENT");
        draft.Name = "Resident records, renamed";
        await _store.Resources.UpdateDraftAsync(draft, CancellationToken.None);

        var second = await _store.Resources.PublishAsync("PS-RESIDENT", CancellationToken.None);

        Assert.Equal(2, second.Version);
        Assert.Equal("Resident records, renamed", (await _store.Resources.GetAsync("PS-RESIDENT", 0, CancellationToken.None)).Name);
        Assert.Equal(ResourceState.Superseded, (await _store.Resources.GetAsync("PS-RESIDENT", 1, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Draft_for_an_unregistered_provider_is_refused_before_anything_is_stored()
    {
        var draft = CatalogStore.Draft("PS-RESIDENT");
        draft.ProviderDepartmentCode = "NOBODY";

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => _store.Resources.CreateDraftAsync(draft, CancellationToken.None));

        Assert.Contains("provider department NOBODY is not registered", refused.Violations);
        await Assert.ThrowsAsync<NotFoundException>(() => _store.Resources.GetDraftAsync("PS-RESIDENT", CancellationToken.None));
    }

    [Fact]
    public async Task Duplicate_code_is_refused()
    {
        await _store.Resources.CreateDraftAsync(CatalogStore.Draft("PS-RESIDENT"), CancellationToken.None);

        await Assert.ThrowsAsync<AlreadyExistsException>(() => _store.Resources.CreateDraftAsync(CatalogStore.Draft("PS-RESIDENT"), CancellationToken.None));
    }

    [Fact]
    public async Task Method_already_served_by_another_published_resource_cannot_be_published()
    {
        await _store.PublishedAsync(CatalogStore.Draft("PS-A"));
        await _store.Resources.CreateDraftAsync(CatalogStore.Draft("PS-B"), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => _store.Resources.PublishAsync("PS-B", CancellationToken.None));

        Assert.Contains(refused.Violations, v => v.Contains("already served by published resource PS-A"));
    }

    [Fact]
    public async Task Incomplete_draft_is_stored_but_not_published()
    {
        var draft = CatalogStore.Draft("PS-RESIDENT");
        draft.DataItems.Clear();
        await _store.Resources.CreateDraftAsync(draft, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => _store.Resources.PublishAsync("PS-RESIDENT", CancellationToken.None));

        Assert.Contains(refused.Violations, v => v.StartsWith("data_items is empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deprecation_removes_the_resource_from_the_published_list()
    {
        await _store.PublishedAsync(CatalogStore.Draft("PS-RESIDENT"));

        var deprecated = await _store.Resources.DeprecateAsync("PS-RESIDENT", CancellationToken.None);

        Assert.Equal(ResourceState.Deprecated, deprecated.State);
        Assert.Empty(await _store.Resources.ListPublishedAsync(string.Empty, CancellationToken.None));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => _store.Resources.DeprecateAsync("PS-RESIDENT", CancellationToken.None));
    }

    [Theory]
    [InlineData("ps-lower")]
    [InlineData("PS--DOUBLE")]
    [InlineData("")]
    public async Task Malformed_code_is_refused_naming_the_field(string code)
    {
        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() => _store.Resources.CreateDraftAsync(CatalogStore.Draft(code), CancellationToken.None));

        Assert.Equal("resource.code", refused.Field);
    }
}
