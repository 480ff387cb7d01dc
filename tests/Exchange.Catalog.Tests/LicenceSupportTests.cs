using System.Security.Cryptography;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Testing;
using Google.Rpc;
using Grpc.Core;
using ListIssuerKeysRequest = Exchange.Protos.Catalog.V1.ListIssuerKeysRequest;

namespace Exchange.Catalog.Tests;

/// <summary>What the gateway's licence broker reads from the catalog: e-licence resources, issuer keys, service items.</summary>
[Collection(SharedCatalogCollection.Name)]
public sealed class LicenceSupportTests(CatalogProcess catalog)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IssuerKeyService.IssuerKeyServiceClient KeysAs(string clientId) => new(catalog.CallsAs(clientId));

    private IssuerKeyService.IssuerKeyServiceClient AnonymousKeys => new(catalog.Service.Channel);

    private ServiceItemService.ServiceItemServiceClient Items => new(catalog.Service.Channel);

    [Theory]
    [InlineData("PS-ELICENCE", "PUBLIC-SECURITY", "RIDC")]
    [InlineData("MR-ELICENCE", "MARKET-REGULATION", "BLIC")]
    [InlineData("CA-ELICENCE", "CIVIL-AFFAIRS", "MARC,SORC")]
    public async Task Each_issuer_publishes_an_e_licence_resource_naming_its_licence_types(string code, string provider, string types)
    {
        var resource = (await catalog.Client.GetResourceAsync(new GetResourceRequest { Code = code }, cancellationToken: Ct)).Resource;

        Assert.Equal(ResourceState.Published, resource.State);
        Assert.Equal("exchange.licence.v1.LicenceIssuerService", resource.GrpcService);
        Assert.Equal(provider, resource.ProviderDepartmentCode);
        Assert.Equal(types.Split(','), resource.LicenceTypeCodes);
        Assert.Equal(CatalogProcess.SeedEndpoints[provider], resource.Endpoint);
        // Conditional like any department data, with items per licence type; the holder fields are items too.
        Assert.Equal(ShareType.Conditional, resource.ShareType);
        Assert.All(types.Split(','), type =>
        {
            Assert.Contains(resource.DataItems, i => i.Name == $"{type}.holder_id");
            Assert.Contains(resource.DataItems, i => i.Name == $"{type}.holder_name");
        });
        Assert.DoesNotContain(resource.DataItems, i => i.Name is "data_items" or "signature");
    }

    [Fact]
    public async Task A_second_issuer_of_a_licence_type_cannot_be_published()
    {
        var draft = TestResources.Complete(TestResources.NewCode("L"));
        draft.GrpcService = "exchange.licence.v1.LicenceIssuerService";
        draft.GrpcMethods.Clear();
        draft.GrpcMethods.Add("GetLicence");
        draft.LicenceTypeCodes.Add("MARC");
        await catalog.Admin.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            catalog.Admin.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        var problem = Assert.Single(ex.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal("licence type MARC is already issued by published resource CA-ELICENCE", problem.Description);
    }

    [Fact]
    public async Task An_issuer_registers_its_keys_again_idempotently_and_anyone_reads_them()
    {
        var key = NewKey("CIVIL-AFFAIRS");

        var first = await KeysAs(ExchangeClients.CivilAffairs).RegisterIssuerKeysAsync(Register("CIVIL-AFFAIRS", key), cancellationToken: Ct);
        key.ValidUntil = "2027-01-01T00:00:00Z";
        var again = await KeysAs(ExchangeClients.CivilAffairs).RegisterIssuerKeysAsync(Register("CIVIL-AFFAIRS", key), cancellationToken: Ct);
        var listed = await AnonymousKeys.ListIssuerKeysAsync(new ListIssuerKeysRequest { DepartmentCode = "CIVIL-AFFAIRS" }, cancellationToken: Ct);

        Assert.Contains(first.Keys, k => k.KeyId == key.KeyId && k.ValidUntil.Length == 0);
        Assert.Equal(first.Keys.Count, again.Keys.Count);
        var read = Assert.Single(listed.Keys, k => k.KeyId == key.KeyId);
        Assert.Equal(key.PublicKeyPem.Trim(), read.PublicKeyPem);
        Assert.Equal("2027-01-01T00:00:00Z", read.ValidUntil);
        Assert.All(listed.Keys, k => Assert.Equal("CIVIL-AFFAIRS", k.IssuerDepartmentCode));
    }

    [Fact]
    public async Task A_key_id_keeps_its_public_key_so_older_licences_keep_verifying()
    {
        var key = NewKey("MARKET-REGULATION");
        await KeysAs(ExchangeClients.MarketRegulation).RegisterIssuerKeysAsync(Register("MARKET-REGULATION", key), cancellationToken: Ct);
        var swapped = NewKey("MARKET-REGULATION");
        swapped.KeyId = key.KeyId;

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            KeysAs(ExchangeClients.MarketRegulation).RegisterIssuerKeysAsync(Register("MARKET-REGULATION", swapped), cancellationToken: Ct).ResponseAsync);
        var listed = await AnonymousKeys.ListIssuerKeysAsync(new ListIssuerKeysRequest(), cancellationToken: Ct);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(key.PublicKeyPem.Trim(), Assert.Single(listed.Keys, k => k.KeyId == key.KeyId).PublicKeyPem);
    }

    [Fact]
    public async Task A_department_may_not_register_another_departments_keys()
    {
        var key = NewKey("PUBLIC-SECURITY");

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            KeysAs(ExchangeClients.CivilAffairs).RegisterIssuerKeysAsync(Register("PUBLIC-SECURITY", key), cancellationToken: Ct).ResponseAsync);
        var listed = await AnonymousKeys.ListIssuerKeysAsync(new ListIssuerKeysRequest(), cancellationToken: Ct);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.DoesNotContain(listed.Keys, k => k.KeyId == key.KeyId);
    }

    [Fact]
    public async Task Registering_needs_a_token()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            AnonymousKeys.RegisterIssuerKeysAsync(Register("PUBLIC-SECURITY", NewKey("PUBLIC-SECURITY")), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    public static TheoryData<string, string> MalformedKeys => new()
    {
        { "private", "keys[0].public_key_pem" },
        { "p384", "keys[0].public_key_pem" },
        { "garbage", "keys[0].public_key_pem" },
        { "other-department", "keys[0].issuer_department_code" },
        { "no-id", "keys[0].key_id" },
        { "bad-valid-from", "keys[0].valid_from" },
    };

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task A_malformed_key_is_refused_naming_the_field_and_nothing_is_stored(string kind, string field)
    {
        var key = NewKey("PUBLIC-SECURITY");
        var id = key.KeyId;
        switch (kind)
        {
            case "private":
                key.PublicKeyPem = ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem();
                break;
            case "p384":
                key.PublicKeyPem = ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportSubjectPublicKeyInfoPem();
                break;
            case "garbage":
                key.PublicKeyPem = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----";
                break;
            case "other-department":
                key.IssuerDepartmentCode = "CIVIL-AFFAIRS";
                break;
            case "no-id":
                key.KeyId = "";
                break;
            case "bad-valid-from":
                key.ValidFrom = "yesterday";
                break;
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            KeysAs(ExchangeClients.PublicSecurity).RegisterIssuerKeysAsync(Register("PUBLIC-SECURITY", key), cancellationToken: Ct).ResponseAsync);
        var listed = await AnonymousKeys.ListIssuerKeysAsync(new ListIssuerKeysRequest(), cancellationToken: Ct);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith(field, ex.Status.Detail);
        Assert.DoesNotContain(listed.Keys, k => k.KeyId == id);
    }

    [Fact]
    public async Task Seeded_service_items_map_each_material_to_what_replaces_it()
    {
        var items = (await Items.ListServiceItemsAsync(new ListServiceItemsRequest(), cancellationToken: Ct)).ServiceItems;
        var resources = (await catalog.Client.ListResourcesAsync(new ListResourcesRequest(), cancellationToken: Ct)).Resources;
        var licenceTypes = resources.SelectMany(r => r.LicenceTypeCodes).ToHashSet();

        Assert.True(items.Count >= 5, $"{items.Count} service items");
        Assert.Equal(items.Select(i => i.Code).Order(StringComparer.Ordinal), items.Select(i => i.Code));
        Assert.Contains(items, i => i.Code == "CA-MARRIAGE-REGISTRATION");
        Assert.Contains(items, i => i.Code == "MR-ENTERPRISE-ESTABLISHMENT");
        Assert.Contains(items, i => i.Code == "CA-SOCIAL-ORGANIZATION-REGISTRATION");
        foreach (var item in items)
        {
            var roles = item.Roles.Select(r => r.Code).ToHashSet();
            Assert.All(item.Materials, m => Assert.Contains(m.Role, roles));
            Assert.Equal(item.Materials.Count, item.Materials.Select(m => m.Code).Distinct().Count());
            Assert.All(item.Materials.Where(m => m.ReplacementCase == Material.ReplacementOneofCase.LicenceTypeCode), m => Assert.Contains(m.LicenceTypeCode, licenceTypes));
            // Each licence material names the items of its type it needs, each one an item of the issuer's resource.
            Assert.All(item.Materials.Where(m => m.ReplacementCase == Material.ReplacementOneofCase.LicenceTypeCode), m =>
            {
                Assert.NotEmpty(m.LicenceDataItems);
                var issuer = resources.Single(r => r.LicenceTypeCodes.Contains(m.LicenceTypeCode));
                Assert.All(m.LicenceDataItems, name => Assert.Contains(issuer.DataItems, i => i.Name == $"{m.LicenceTypeCode}.{name}"));
            });
            Assert.All(item.Materials.Where(m => m.ReplacementCase == Material.ReplacementOneofCase.ResourceCode), m => Assert.Contains(resources, r => r.Code == m.ResourceCode));
            Assert.Contains(item.Materials, m => m.ReplacementCase != Material.ReplacementOneofCase.None);
        }
    }

    [Fact]
    public async Task A_service_item_is_read_by_code_and_an_unknown_one_is_not_found()
    {
        var marriage = (await Items.GetServiceItemAsync(new GetServiceItemRequest { Code = "CA-MARRIAGE-REGISTRATION" }, cancellationToken: Ct)).ServiceItem;
        var ex = await Assert.ThrowsAsync<RpcException>(() => Items.GetServiceItemAsync(new GetServiceItemRequest { Code = "NO-SUCH-ITEM" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("内地居民结婚登记", marriage.Name);
        Assert.Equal("CIVIL-AFFAIRS", marriage.DepartmentCode);
        Assert.Contains(marriage.Materials, m => m.LicenceTypeCode == "RIDC" && m.Role == "spouse");
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Contains("NO-SUCH-ITEM", ex.Status.Detail);
    }

    private static IssuerKey NewKey(string department) => new()
    {
        KeyId = $"{department.ToLowerInvariant()}-test-{Guid.NewGuid():N}"[..40],
        IssuerDepartmentCode = department,
        SignatureAlgorithm = SignatureAlgorithm.EcdsaP256Sha256,
        PublicKeyPem = ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfoPem(),
        ValidFrom = "2026-01-01T00:00:00Z",
    };

    private static RegisterIssuerKeysRequest Register(string department, IssuerKey key) => new() { DepartmentCode = department, Keys = { key } };
}
