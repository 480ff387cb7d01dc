namespace Exchange.Catalog.Tests;

/// <summary>
/// One catalog process for the test classes that only read the seed or change what they create under unique codes
/// (<see cref="TestResources.NewCode"/>): a catalog start seeds its store and is the slow part of these tests, so they share
/// one instead of starting one a class. The tests of a collection run one after another, so a test that counts revisions
/// of a watch sees only its own changes. A class keeps a catalog of its own when it needs the seed untouched (SeedTests)
/// or other settings (KeyRotationTests, SlowWatcherTests, CatalogStoreUpgradeTests).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedCatalogCollection : ICollectionFixture<CatalogProcess>
{
    public const string Name = "Shared catalog";
}
