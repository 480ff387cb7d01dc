using Exchange.Catalog.Seeding;
using Exchange.Labels;

namespace Exchange.Catalog.UnitTests.Seeding;

/// <summary>The portal names data items from <see cref="DataItemTitles"/>; it must say what the catalog says.</summary>
public sealed class SeedTitlesTests
{
    [Fact]
    public void Every_seeded_resource_and_item_has_the_catalogs_title_in_the_labels()
    {
        var seeded = SeedCatalog.Resources(new SeedEndpoints());

        foreach (var resource in seeded)
        {
            Assert.Equal(resource.Name, DataItemTitles.ResourceName(resource.Code));
            // E-licence resources' items are titled by their licence type's schema, as on the certificate.
            if (resource.LicenceTypeCodes.Count > 0)
                continue;
            foreach (var item in resource.DataItems)
                Assert.Equal(item.Title, DataItemTitles.Of(resource.Code, item.Name));
        }
        Assert.All(DataItemTitles.All, row => Assert.Contains(seeded, r => r.Code == row.Resource && r.DataItems.Any(i => i.Name == row.Item)));
    }
}
