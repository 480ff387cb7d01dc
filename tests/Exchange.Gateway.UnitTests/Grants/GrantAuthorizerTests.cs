using Exchange.Gateway.Grants;
using Exchange.Protos.Catalog.V1;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Gateway.UnitTests.Grants;

public sealed class GrantAuthorizerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly GrantState _grants = new();

    private GrantAuthorizer Authorizer => new(_grants, _time);

    private void Hold(params Grant[] grants)
    {
        var snapshot = new GrantSnapshot { Revision = 1 };
        snapshot.Grants.Add(grants);
        _grants.Replace(GrantTable.FromSnapshot(snapshot));
    }

    [Fact]
    public void Unconditional_resource_is_open_to_any_department_with_all_its_items()
    {
        var decision = Authorizer.Decide(Catalogs.Consumer, Catalogs.Method(Catalogs.Resource("PS-OPEN", ShareType.Unconditional)));

        Assert.True(decision.Allowed);
        Assert.Equal(["name", "address", "photo"], decision.DataItems);
    }

    [Theory]
    [InlineData(ShareType.NotShared)]
    [InlineData(ShareType.Unspecified)]
    public void Not_shared_or_unknown_share_type_is_denied_to_other_departments(ShareType shareType)
    {
        var decision = Authorizer.Decide(Catalogs.Consumer, Catalogs.Method(Catalogs.Resource("PS-CLOSED", shareType)));

        Assert.False(decision.Allowed);
        Assert.Empty(decision.DataItems);
        Assert.Contains("is not shared", decision.Denial);
    }

    [Fact]
    public void Provider_may_always_call_its_own_resource()
    {
        var decision = Authorizer.Decide(Catalogs.Provider, Catalogs.Method(Catalogs.Resource("PS-CLOSED", ShareType.NotShared)));

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Conditional_resource_without_a_grant_is_denied_and_says_where_to_apply()
    {
        var decision = Authorizer.Decide(Catalogs.Consumer, Catalogs.Method(Catalogs.Resource("PS-COND")));

        Assert.False(decision.Allowed);
        Assert.Contains("holds no grant for PS-COND", decision.Denial);
    }

    [Fact]
    public void Grant_in_force_allows_only_its_items()
    {
        Hold(Catalogs.Grant("app-1", "PS-COND", Now.AddDays(-1), Now.AddDays(1), "name"));

        var decision = Authorizer.Decide(Catalogs.Consumer, Catalogs.Method(Catalogs.Resource("PS-COND")));

        Assert.True(decision.Allowed);
        Assert.Equal(["name"], decision.DataItems);
    }

    [Fact]
    public void Grant_for_another_resource_does_not_open_this_one()
    {
        Hold(Catalogs.Grant("app-1", "PS-OTHER", Now.AddDays(-1), Now.AddDays(1), "name"));

        Assert.False(Authorizer.Decide(Catalogs.Consumer, Catalogs.Method(Catalogs.Resource("PS-COND"))).Allowed);
    }

    [Fact]
    public void Grant_stops_at_its_end_to_the_tick()
    {
        var until = Now.AddMinutes(5);
        Hold(Catalogs.Grant("app-1", "PS-COND", Now.AddDays(-1), until, "name"));
        var method = Catalogs.Method(Catalogs.Resource("PS-COND"));

        _time.SetUtcNow(until.AddTicks(-1));
        Assert.True(Authorizer.Decide(Catalogs.Consumer, method).Allowed);

        _time.SetUtcNow(until);
        var decision = Authorizer.Decide(Catalogs.Consumer, method);
        Assert.False(decision.Allowed);
        Assert.Contains("expired at", decision.Denial);
        Assert.Contains("apply for access again", decision.Denial);
    }

    [Fact]
    public void Grant_not_yet_in_force_is_denied_with_its_start()
    {
        var from = Now.AddHours(2);
        Hold(Catalogs.Grant("app-1", "PS-COND", from, from.AddDays(1), "name"));
        var method = Catalogs.Method(Catalogs.Resource("PS-COND"));

        var decision = Authorizer.Decide(Catalogs.Consumer, method);
        Assert.False(decision.Allowed);
        Assert.Contains("not in force until 2026-06-01 11:00:00Z", decision.Denial);

        _time.SetUtcNow(from);
        Assert.True(Authorizer.Decide(Catalogs.Consumer, method).Allowed);
    }

    [Fact]
    public void Several_grants_in_force_allow_the_union_of_their_items()
    {
        Hold(
            Catalogs.Grant("app-1", "PS-COND", Now.AddDays(-1), Now.AddDays(1), "name"),
            Catalogs.Grant("app-2", "PS-COND", Now.AddDays(-1), Now.AddDays(1), "address", "name"),
            Catalogs.Grant("app-3", "PS-COND", Now.AddDays(-9), Now.AddDays(-2), "photo"));

        var decision = Authorizer.Decide(Catalogs.Consumer, Catalogs.Method(Catalogs.Resource("PS-COND")));

        Assert.True(decision.Allowed);
        Assert.Equal(["address", "name"], decision.DataItems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Revoked_grant_no_longer_allows()
    {
        Hold(Catalogs.Grant("app-1", "PS-COND", Now.AddDays(-1), Now.AddDays(1), "name"));
        var revoked = new GrantChange { Type = GrantChangeType.Revoked, Revision = 2, Grant = Catalogs.Grant("app-1", "PS-COND", Now.AddDays(-1), Now.AddDays(1), "name") };
        _grants.Replace(_grants.Current.Apply(revoked));

        Assert.False(Authorizer.Decide(Catalogs.Consumer, Catalogs.Method(Catalogs.Resource("PS-COND"))).Allowed);
    }

    [Fact]
    public void Stale_change_does_not_undo_a_newer_table()
    {
        Hold(Catalogs.Grant("app-1", "PS-COND", Now.AddDays(-1), Now.AddDays(1), "name"));
        var replayed = new GrantChange { Type = GrantChangeType.Revoked, Revision = 1, Grant = Catalogs.Grant("app-1", "PS-COND", Now.AddDays(-1), Now.AddDays(1), "name") };

        Assert.Same(_grants.Current, _grants.Current.Apply(replayed));
    }
}
