using Exchange.Catalog.Domain;
using Exchange.Catalog.Objections;
using Exchange.Protos.Objection.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Catalog.UnitTests.Objections;

public sealed class ObjectionRegisterTests : IAsyncLifetime
{
    private const string Holder = "11010519980918104X";
    private const string OtherHolder = "510107200709209204";
    private const string RequestId = "0199a1b2c3d4e5f60718293a4b5c6d7e";

    private static readonly CatalogActor Citizen = CatalogActor.ForHolder("citizen:" + Holder, Holder);
    private static readonly CatalogActor Consumer = CatalogActor.ForDepartment("civil-affairs-client", CatalogStore.Consumer);
    private static readonly CatalogActor ProviderClerk = CatalogActor.ForDepartment("public-security-client", CatalogStore.Provider);
    private static readonly CatalogActor Outsider = CatalogActor.ForDepartment("market-client", "MARKET-REGULATION");
    private static readonly CatalogActor Admin = CatalogActor.Administrator("admin");

    private CatalogStore _store = null!;
    private ObjectionRegister _register = null!;

    public async ValueTask InitializeAsync()
    {
        _store = await CatalogStore.OpenAsync();
        await _store.PublishedAsync(CatalogStore.Draft("PS-RESIDENT"));
        _store.Deliveries.Add(new Delivery(RequestId, CatalogStore.Consumer, CatalogStore.Provider, "PS-RESIDENT", Holder, ["name", "address"], "OK"));
        _register = _store.Objections();
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private static Objection Request(string holder = Holder, string requestId = "", string reason = "住址已变更为杭州市西湖区", params string[] items)
    {
        var objection = new Objection { ResourceCode = "PS-RESIDENT", HolderId = holder, Reason = reason, RequestId = requestId };
        objection.DataItems.Add(items.Length == 0 ? ["address"] : items);
        return objection;
    }

    [Fact]
    public async Task Holder_raises_an_objection_on_own_data_with_a_working_day_deadline_and_an_event()
    {
        using var watcher = _store.ObjectionFeed.Subscribe();
        var raised = await _register.RaiseAsync(Citizen, Request(), CancellationToken.None);

        Assert.Equal(ObjectionState.Open, raised.State);
        Assert.Equal((RaiserKind.Holder, Holder, CatalogStore.Provider), (raised.RaiserKind, raised.RaisedBy, raised.ProviderDepartmentCode));
        // Raised Monday 2026-06-01 17:00 in China: due at the end of Monday 8 June.
        Assert.Equal(new DateTimeOffset(2026, 6, 9, 0, 0, 0, TimeSpan.FromHours(8)), raised.DueTime.ToDateTimeOffset());
        var step = Assert.Single(raised.Events);
        Assert.Equal((ObjectionEventType.Raised, "holder " + Holder), (step.Type, step.Actor));
        Assert.True(watcher.Changes.TryRead(out var change));
        Assert.Equal(OpenObjectionChangeType.Opened, change.Type);
        Assert.Equal(["address"], change.Objection.DataItems);
    }

    [Fact]
    public async Task Holder_cannot_object_to_another_holders_data()
    {
        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => _register.RaiseAsync(Citizen, Request(OtherHolder), CancellationToken.None));
        Assert.Contains(OtherHolder, denied.Message);
    }

    [Fact]
    public async Task Department_objects_to_items_of_its_own_successful_call()
    {
        var raised = await _register.RaiseAsync(Consumer, Request(requestId: RequestId, items: ["name", "address"]), CancellationToken.None);
        Assert.Equal((RaiserKind.Department, CatalogStore.Consumer, RequestId), (raised.RaiserKind, raised.RaisedBy, raised.RequestId));
    }

    [Fact]
    public async Task Department_cannot_object_without_naming_the_call()
    {
        var invalid = await Assert.ThrowsAsync<InvalidFieldException>(() => _register.RaiseAsync(Consumer, Request(), CancellationToken.None));
        Assert.Equal("objection.request_id", invalid.Field);
    }

    [Fact]
    public async Task Department_cannot_object_to_data_it_never_received()
    {
        // Another department's call, a call about another holder, and an unknown id all look the same: not yours.
        await Assert.ThrowsAsync<PermissionDeniedException>(() => _register.RaiseAsync(Outsider, Request(requestId: RequestId), CancellationToken.None));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => _register.RaiseAsync(Consumer, Request(OtherHolder, RequestId), CancellationToken.None));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => _register.RaiseAsync(Consumer, Request(requestId: "ffff"), CancellationToken.None));
    }

    [Fact]
    public async Task Department_cannot_object_to_items_the_call_did_not_return()
    {
        _store.Deliveries.Clear();
        _store.Deliveries.Add(new Delivery(RequestId, CatalogStore.Consumer, CatalogStore.Provider, "PS-RESIDENT", Holder, ["name"], "OK"));
        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => _register.RaiseAsync(Consumer, Request(requestId: RequestId), CancellationToken.None));
        Assert.Contains("did not return address", denied.Message);
    }

    [Fact]
    public async Task Department_cannot_object_through_a_denied_call()
    {
        _store.Deliveries.Clear();
        _store.Deliveries.Add(new Delivery(RequestId, CatalogStore.Consumer, CatalogStore.Provider, "PS-RESIDENT", Holder, [], "PERMISSION_DENIED"));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => _register.RaiseAsync(Consumer, Request(requestId: RequestId, items: ["name"]), CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_provider_or_an_admin_answers()
    {
        var raised = await _register.RaiseAsync(Citizen, Request(), CancellationToken.None);

        // The raising holder and another provider are refused; another provider cannot even see it.
        await Assert.ThrowsAsync<PermissionDeniedException>(() => _register.AnswerAsync(Citizen, raised.Id, ObjectionOutcome.Rejected, "no", CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => _register.AnswerAsync(Outsider, raised.Id, ObjectionOutcome.Rejected, "no", CancellationToken.None));

        using var watcher = _store.ObjectionFeed.Subscribe();
        var answered = await _register.AnswerAsync(ProviderClerk, raised.Id, ObjectionOutcome.Corrected, "住址已按户籍迁移登记更正", CancellationToken.None);
        Assert.Equal(ObjectionState.Corrected, answered.State);
        Assert.Equal([ObjectionEventType.Raised, ObjectionEventType.Corrected], answered.Events.Select(e => e.Type));
        Assert.True(watcher.Changes.TryRead(out var change));
        Assert.Equal(OpenObjectionChangeType.Closed, change.Type);
        Assert.Empty((await _register.SnapshotAsync(CancellationToken.None)).Objections);

        await Assert.ThrowsAsync<PreconditionFailedException>(() => _register.AnswerAsync(Admin, raised.Id, ObjectionOutcome.Rejected, "again", CancellationToken.None));
    }

    [Fact]
    public async Task Answer_needs_an_outcome_and_a_reason()
    {
        var raised = await _register.RaiseAsync(Citizen, Request(), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidFieldException>(() => _register.AnswerAsync(ProviderClerk, raised.Id, ObjectionOutcome.Unspecified, "x", CancellationToken.None));
        await Assert.ThrowsAsync<InvalidFieldException>(() => _register.AnswerAsync(ProviderClerk, raised.Id, ObjectionOutcome.Rejected, "  ", CancellationToken.None));
    }

    [Fact]
    public async Task Oversized_reasons_and_unknown_items_are_refused()
    {
        var tooLong = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            _register.RaiseAsync(Citizen, Request(reason: new string('错', ObjectionRegister.MaxTextLength + 1)), CancellationToken.None));
        Assert.Equal("objection.reason", tooLong.Field);
        var unknown = await Assert.ThrowsAsync<InvalidFieldException>(() => _register.RaiseAsync(Citizen, Request(items: ["salary"]), CancellationToken.None));
        Assert.Equal("objection.data_items[0]", unknown.Field);
    }

    [Fact]
    public async Task A_flood_stops_at_the_open_objection_limit_and_duplicates_are_refused()
    {
        await _register.RaiseAsync(Citizen, Request(items: ["address"]), CancellationToken.None);
        await Assert.ThrowsAsync<AlreadyExistsException>(() => _register.RaiseAsync(Citizen, Request(items: ["address"]), CancellationToken.None));
        await _register.RaiseAsync(Citizen, Request(items: ["name"]), CancellationToken.None);

        var limited = _store.Objections(maxOpenPerRaiser: 2);
        await Assert.ThrowsAsync<ResourceExhaustedException>(() => limited.RaiseAsync(Citizen, Request(items: ["name", "address"]), CancellationToken.None));
    }

    [Fact]
    public async Task Each_side_lists_only_its_own_and_overdue_shows_after_the_deadline()
    {
        var raised = await _register.RaiseAsync(Citizen, Request(), CancellationToken.None);

        Assert.Single(await _register.ListAsync(Citizen, new ListObjectionsRequest(), CancellationToken.None));
        Assert.Empty(await _register.ListAsync(CatalogActor.ForHolder("other", OtherHolder), new ListObjectionsRequest(), CancellationToken.None));
        Assert.Single(await _register.ListAsync(ProviderClerk, new ListObjectionsRequest { View = ObjectionView.ToAnswer }, CancellationToken.None));
        Assert.Empty(await _register.ListAsync(Outsider, new ListObjectionsRequest(), CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => _register.GetAsync(Outsider, raised.Id, CancellationToken.None));

        Assert.Empty(await _register.OverdueAsync(Admin, CancellationToken.None));
        _store.Clock.SetUtcNow(raised.DueTime.ToDateTimeOffset() + TimeSpan.FromMinutes(1));
        var overdue = Assert.Single(await _register.OverdueAsync(Admin, CancellationToken.None));
        Assert.True(overdue.Overdue);
    }
}
