using Exchange.Catalog.Licences;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exchange.Catalog.UnitTests.Licences;

public sealed class ServiceItemEditorTests : IAsyncLifetime
{
    private CatalogStore _store = null!;
    private ServiceItemEditor _editor = null!;

    public async ValueTask InitializeAsync()
    {
        _store = await CatalogStore.OpenAsync();
        _editor = new ServiceItemEditor(_store.Db, _store.Departments, _store.Resources, _store.Clock, NullLogger<ServiceItemEditor>.Instance);
        await _store.PublishedAsync(CatalogStore.Draft("PS-RESIDENT"));
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private static ServiceItem Item(string name = "户口迁移")
    {
        var item = new ServiceItem { Code = "PS-HOUSEHOLD-MOVE", Name = name, DepartmentCode = CatalogStore.Provider, RuleCodes = { "MARRIAGE-AGE" } };
        item.Roles.Add(new ApplicantRole { Code = "applicant", Title = "迁入人", HolderKind = HolderKind.Person });
        item.Materials.Add(new Material { Code = "M01", Name = "户口簿", Role = "applicant", ResourceCode = "PS-RESIDENT" });
        return item;
    }

    [Fact]
    public async Task A_new_item_is_stored_with_who_saved_it_and_when()
    {
        var revision = await _editor.SaveAsync(Item(), null, "admin", CancellationToken.None);

        var stored = await _store.Db.ServiceItems.AsNoTracking().SingleAsync(i => i.Code == "PS-HOUSEHOLD-MOVE");
        Assert.Equal((1, "admin", _store.Clock.GetUtcNow()), (revision, stored.UpdatedBy, stored.UpdatedAt));
        Assert.Equal(["MARRIAGE-AGE"], stored.RuleCodes);
    }

    [Fact]
    public async Task An_edit_from_a_stale_form_is_refused_and_the_newer_edit_kept()
    {
        await _editor.SaveAsync(Item(), null, "admin", CancellationToken.None);
        await _editor.SaveAsync(Item("户口迁移（第一位管理员）"), 1, "admin", CancellationToken.None);

        var stale = await Assert.ThrowsAsync<PreconditionFailedException>(() => _editor.SaveAsync(Item("户口迁移（第二位管理员）"), 1, "other", CancellationToken.None));

        Assert.Contains("admin", stale.Message);
        Assert.Equal("户口迁移（第一位管理员）", (await _editor.FindAsync("PS-HOUSEHOLD-MOVE", CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task A_malformed_item_changes_nothing()
    {
        var item = Item();
        item.Materials[0].ResourceCode = "PS-NOT-PUBLISHED";

        await Assert.ThrowsAsync<InvalidFieldException>(() => _editor.SaveAsync(item, null, "admin", CancellationToken.None));

        Assert.Null(await _editor.FindAsync("PS-HOUSEHOLD-MOVE", CancellationToken.None));
    }

    [Fact]
    public async Task A_code_in_use_is_refused()
    {
        await _editor.SaveAsync(Item(), null, "admin", CancellationToken.None);

        await Assert.ThrowsAsync<AlreadyExistsException>(() => _editor.SaveAsync(Item("重复"), null, "admin", CancellationToken.None));
    }
}
