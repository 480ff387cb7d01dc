// One catalog for every in-process test of the admin UI (it starts in about a second, most of it seeding the demo
// catalog): tests create what they change under codes of their own, as the browser tests do.
[assembly: AssemblyFixture(typeof(Exchange.Catalog.UnitTests.InProcess.CatalogHost))]
