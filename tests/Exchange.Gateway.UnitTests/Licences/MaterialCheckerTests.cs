using Exchange.Gateway.Catalog;
using Exchange.Gateway.Grants;
using Exchange.Gateway.Licences;
using Exchange.Gateway.Licences.Facts;
using Exchange.Gateway.Licences.Rules;
using Exchange.Licences;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.ServiceDefaults.Errors;
using Exchange.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Gateway.UnitTests.Licences;

/// <summary>
/// Which materials a check exempts and why, over a service item, licences and shared records set by hand: the grants
/// are decided by the real <see cref="GrantAuthorizer"/> at a <see cref="FakeTimeProvider"/>'s time, the issuers come
/// from the published catalog as in the gateway. No catalog, issuer or provider.
/// </summary>
public sealed class MaterialCheckerTests
{
    private const string Department = "CIVIL-AFFAIRS";
    private const string ItemCode = "CA-TEST-ITEM";
    private const string IdentityCard = "RIDC";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Holder = IdentifierVectors.Valid(IdentifierVectors.CitizenId).First();
    private static readonly string Organisation = IdentifierVectors.Valid(IdentifierVectors.CreditCode).First(c => c[0] == '9');
    private static readonly LicenceRequester Clerk = new(Department, "CASE-1", "结婚登记", "req-1");
    private static readonly Resource IssuerResource = LicenceResource();

    private readonly FakeTimeProvider _time = new(Now);
    private readonly CatalogState _catalog = new();
    private readonly GrantState _grants = new();
    private readonly Items _items = new();
    private readonly HeldLicences _licences = new();
    private readonly HandSetFacts _facts = new();
    private readonly List<IMaterialRule> _rules = [];

    public MaterialCheckerTests()
    {
        _catalog.Replace(Catalogs.Published(1,
            IssuerResource,
            Catalogs.Resource(SharedResources.Residents, service: "exchange.publicsecurity.v1.PopulationService"),
            Catalogs.Resource(SharedResources.EnterpriseBasic, provider: "MARKET-REGULATION", service: "exchange.marketregulation.v1.EnterpriseService", methods: ["GetEnterprise"])),
            CatalogSource.Disk, Now);
        HoldGrants(Catalogs.Grant("APP-1", SharedResources.Residents, Now.AddDays(-1), Now.AddDays(30), "name", "gender", "birth_date", "status"));
    }

    private MaterialChecker Checker => new(_items, _licences, new LicenceIssuers(_catalog), _catalog, new GrantAuthorizer(_grants, _time), _facts, _rules, _time);

    private Task<MaterialCheckResult> CheckAsync(params Applicant[] applicants) =>
        Checker.CheckAsync(ItemCode, applicants.Length > 0 ? applicants : [new Applicant { Role = "applicant", HolderId = Holder }], Clerk, CancellationToken.None);

    [Fact]
    public async Task A_valid_licence_exempts_its_material_and_is_recorded_as_used()
    {
        _items.Hold(Item(LicenceMaterial()));
        _licences.Valid.Add(Licence("RIDC-0001", LicenceStatus.Valid));

        var result = await CheckAsync();

        var check = Assert.Single(result.Checks);
        Assert.Equal(MaterialOutcome.Exempt, check.Outcome);
        Assert.True(check.Exempt);
        Assert.Equal("RIDC-0001", check.LicenceNumber);
        Assert.Equal("PUBLIC-SECURITY", check.SourceDepartment);
        Assert.Equal(1, result.Exempted);
        var use = Assert.Single(result.Uses);
        Assert.Equal(("RIDC-0001", IdentityCard, Holder), (use.LicenceNumber, use.TypeCode, use.HolderId));
    }

    [Fact]
    public async Task A_revoked_licence_keeps_the_material_required_and_says_when_and_why()
    {
        _items.Hold(Item(LicenceMaterial()));
        var revoked = Licence("RIDC-0002", LicenceStatus.Revoked);
        revoked.RevokedAt = "2026-05-30T08:00:00Z";
        revoked.RevocationReason = "证件挂失";
        _licences.Lapsed.Add(revoked);

        var check = Assert.Single((await CheckAsync()).Checks);

        Assert.Equal(MaterialOutcome.Revoked, check.Outcome);
        Assert.False(check.Exempt);
        Assert.Contains("2026-05-30", check.Reason);
        Assert.Contains("证件挂失", check.Reason);
    }

    [Fact]
    public async Task An_expired_licence_keeps_the_material_required_and_names_its_expiry()
    {
        _items.Hold(Item(LicenceMaterial()));
        var expired = Licence("RIDC-0003", LicenceStatus.Expired);
        expired.ExpiryDate = "2026-01-31";
        _licences.Lapsed.Add(expired);

        var check = Assert.Single((await CheckAsync()).Checks);

        Assert.Equal(MaterialOutcome.Expired, check.Outcome);
        Assert.Contains("2026-01-31", check.Reason);
    }

    [Fact]
    public async Task An_issuer_that_did_not_answer_makes_the_material_unavailable_not_missing()
    {
        _items.Hold(Item(LicenceMaterial()));
        _licences.Lapsed.Add(Licence("RIDC-0004", LicenceStatus.Revoked));
        _licences.Silent.Add(new IssuerOutcome { IssuerDepartmentCode = "PUBLIC-SECURITY", Problem = "did not answer within 10 s" });

        var check = Assert.Single((await CheckAsync()).Checks);

        Assert.Equal(MaterialOutcome.Unavailable, check.Outcome);
        Assert.Contains("did not answer", check.Reason);
    }

    [Fact]
    public async Task A_holder_without_the_licence_must_submit_the_material()
    {
        _items.Hold(Item(LicenceMaterial()));

        var check = Assert.Single((await CheckAsync()).Checks);

        Assert.Equal(MaterialOutcome.NotIssued, check.Outcome);
        Assert.Empty((await CheckAsync()).Uses);
    }

    [Fact]
    public async Task A_shared_record_exempts_its_material_with_the_granted_facts_it_confirmed()
    {
        _items.Hold(Item(ResourceMaterial(SharedResources.Residents)));
        _facts.Residents[Holder] = new Resident { CitizenId = Holder, Name = "张伟", Status = ResidentStatus.Normal };

        var result = await CheckAsync();

        var check = Assert.Single(result.Checks);
        Assert.Equal(MaterialOutcome.Exempt, check.Outcome);
        Assert.Equal(SharedResources.Residents, check.ResourceCode);
        Assert.Contains(check.Confirmed, f => f.Name == "姓名" && f.Value == "张伟");
        Assert.True(result.AllPartiesRegistered);
    }

    [Fact]
    public async Task A_shared_register_without_the_holder_does_not_exempt()
    {
        _items.Hold(Item(ResourceMaterial(SharedResources.Residents)));

        var result = await CheckAsync();

        Assert.Equal(MaterialOutcome.NoRecord, Assert.Single(result.Checks).Outcome);
        Assert.False(result.AllPartiesRegistered);
    }

    [Fact]
    public async Task A_provider_that_did_not_answer_makes_the_material_unavailable()
    {
        _items.Hold(Item(ResourceMaterial(SharedResources.Residents)));
        _facts.Unreadable.Add(SharedResources.Residents);

        var check = Assert.Single((await CheckAsync()).Checks);

        Assert.Equal(MaterialOutcome.Unavailable, check.Outcome);
    }

    [Fact]
    public async Task A_resource_without_a_grant_or_not_published_is_not_shared()
    {
        _items.Hold(Item(ResourceMaterial(SharedResources.EnterpriseBasic, "enterprise"), ResourceMaterial("XX-NOT-PUBLISHED", "enterprise"),
            ("enterprise", HolderKind.Organization)));

        var result = await CheckAsync(new Applicant { Role = "enterprise", HolderId = Organisation });

        Assert.All(result.Checks, c => Assert.Equal(MaterialOutcome.NotShared, c.Outcome));
        Assert.Contains("无权使用", result.Checks[0].Reason);
        Assert.Contains("未在资源目录中发布", result.Checks[1].Reason);
    }

    [Fact]
    public async Task A_grant_exempts_until_it_ends_on_the_clock()
    {
        _items.Hold(Item(ResourceMaterial(SharedResources.Residents)));
        _facts.Residents[Holder] = new Resident { CitizenId = Holder, Name = "张伟", Status = ResidentStatus.Normal };
        Assert.Equal(MaterialOutcome.Exempt, Assert.Single((await CheckAsync()).Checks).Outcome);

        _time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        var check = Assert.Single((await CheckAsync()).Checks);
        Assert.Equal(MaterialOutcome.NotShared, check.Outcome);
    }

    [Fact]
    public async Task A_material_without_replacement_is_required_with_its_note()
    {
        var photo = new Material { Code = "M09", Name = "照片", Role = "applicant", Note = "须提交近期免冠照片。" };
        _items.Hold(Item(photo));

        var check = Assert.Single((await CheckAsync()).Checks);

        Assert.Equal(MaterialOutcome.NoReplacement, check.Outcome);
        Assert.Equal("须提交近期免冠照片。", check.Reason);
    }

    [Fact]
    public async Task Only_the_department_that_handles_the_item_may_check_it()
    {
        var item = Item(LicenceMaterial());
        item.DepartmentCode = "MARKET-REGULATION";
        _items.Hold(item);

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => CheckAsync());

        Assert.Contains("handled by MARKET-REGULATION", denied.Message);
    }

    [Fact]
    public async Task Applicants_must_fill_the_items_roles_once_each_with_ids_of_the_roles_kind()
    {
        _items.Hold(Item(LicenceMaterial()));
        var person = new Applicant { Role = "applicant", HolderId = Holder };

        var unknownRole = await Assert.ThrowsAsync<InvalidFieldException>(() => CheckAsync(new Applicant { Role = "witness", HolderId = Holder }));
        var twice = await Assert.ThrowsAsync<InvalidFieldException>(() => CheckAsync(person, person));
        var organisation = await Assert.ThrowsAsync<InvalidFieldException>(() => CheckAsync(new Applicant { Role = "applicant", HolderId = Organisation }));
        var missing = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            Checker.CheckAsync(ItemCode, [], Clerk, CancellationToken.None));

        Assert.Contains("not a role of", unknownRole.Message);
        Assert.Contains("a second time", twice.Message);
        Assert.Contains("must be a citizen id", organisation.Message);
        Assert.Contains("has no applicant for role applicant", missing.Message);
    }

    [Fact]
    public async Task Rules_see_the_day_of_the_check_blocking_findings_come_first_and_an_unknown_rule_is_reported()
    {
        var item = Item(LicenceMaterial());
        item.RuleCodes.Add(["TEST-RULE", "NO-SUCH-RULE"]);
        _items.Hold(item);
        var rule = new RecordingRule();
        _rules.Add(rule);
        _time.Advance(TimeSpan.FromDays(1));

        var result = await CheckAsync();

        Assert.Equal(new DateOnly(2026, 6, 2), rule.Today);
        Assert.Equal(FindingSeverity.Blocking, result.Findings[0].Severity);
        Assert.True(result.Blocked);
        Assert.Contains(result.Findings, f => f.RuleCode == "NO-SUCH-RULE");
    }

    private static Resource LicenceResource()
    {
        var resource = Catalogs.Resource("PS-E-LICENCES", service: LicenceIssuer.IssuerService, methods: ["ListLicences", "GetLicence"]);
        resource.LicenceTypeCodes.Add(IdentityCard);
        return resource;
    }

    private void HoldGrants(params Grant[] grants)
    {
        var snapshot = new GrantSnapshot { Revision = 1 };
        snapshot.Grants.Add(grants);
        _grants.Replace(GrantTable.FromSnapshot(snapshot));
    }

    private static Material LicenceMaterial() => new() { Code = "M01", Name = "居民身份证", Role = "applicant", LicenceTypeCode = IdentityCard };

    private static Material ResourceMaterial(string resourceCode, string role = "applicant") =>
        new() { Code = "M-" + resourceCode, Name = resourceCode, Role = role, ResourceCode = resourceCode };

    private static ServiceItem Item(Material material, (string Code, HolderKind Kind)? role = null) => Item([material], role);

    private static ServiceItem Item(Material first, Material second, (string Code, HolderKind Kind)? role = null) => Item([first, second], role);

    private static ServiceItem Item(Material[] materials, (string Code, HolderKind Kind)? role)
    {
        var (code, kind) = role ?? ("applicant", HolderKind.Person);
        var item = new ServiceItem { Code = ItemCode, Name = "测试事项", DepartmentCode = Department };
        item.Roles.Add(new ApplicantRole { Code = code, Title = code, HolderKind = kind });
        item.Materials.Add(materials);
        return item;
    }

    private static Licence Licence(string number, LicenceStatus status) => new()
    {
        LicenceNumber = number,
        TypeCode = IdentityCard,
        HolderId = Holder,
        IssuerDepartmentCode = "PUBLIC-SECURITY",
        Status = status,
    };

    private sealed class Items : IServiceItemSource
    {
        private ServiceItem? _item;

        public void Hold(ServiceItem item) => _item = item;

        public Task<ServiceItem> GetAsync(string code, CancellationToken cancellationToken) =>
            _item is { } item && item.Code == code ? Task.FromResult(item) : throw new NotFoundException($"no service item {code}");
    }

    private sealed class HeldLicences : IHolderLicenceSource
    {
        private static readonly LicenceIssuer Issuer = new(IssuerResource);

        public List<Licence> Valid { get; } = [];
        public List<Licence> Lapsed { get; } = [];
        public List<IssuerOutcome> Silent { get; } = [];

        public Task<HolderLicences> ListByHolderAsync(string holderId, LicenceRequester requester, CancellationToken cancellationToken) =>
            Task.FromResult(new HolderLicences(
                [.. Valid.Where(l => l.HolderId == holderId).Select(Checked)],
                [new IssuerOutcome { IssuerDepartmentCode = "PUBLIC-SECURITY", Answered = Silent.Count == 0 }],
                Silent)
            {
                Lapsed = [.. Lapsed.Where(l => l.HolderId == holderId).Select(Checked)],
            });

        private static CheckedLicence Checked(Licence licence) => new(Issuer, licence,
            new Verification { Valid = licence.Status == LicenceStatus.Valid, SignatureValid = true, Status = licence.Status },
            LicenceDisclosure.Whole(licence.TypeCode), CacheSource.Miss);
    }

    /// <summary>Residents set by hand; a resource in <see cref="Unreadable"/> answers as a provider that is down.</summary>
    private sealed class HandSetFacts : IFactSources, IFactSource
    {
        public Dictionary<string, Resident> Residents { get; } = [];
        public HashSet<string> Unreadable { get; } = [];

        public IFactSource For(LicenceRequester requester) => this;

        public Task<SharedFact<Resident>> ResidentAsync(string citizenId, CancellationToken cancellationToken) =>
            Answer(SharedResources.Residents, citizenId, Residents.GetValueOrDefault(citizenId));

        public Task<SharedFact<IReadOnlyList<MarriageRecord>>> MarriageRecordsAsync(string citizenId, CancellationToken cancellationToken) =>
            Answer<IReadOnlyList<MarriageRecord>>(SharedResources.MarriageRecords, citizenId, []);

        public Task<SharedFact<IReadOnlyList<Enterprise>>> RepresentedEnterprisesAsync(string citizenId, CancellationToken cancellationToken) =>
            Answer<IReadOnlyList<Enterprise>>(SharedResources.RepresentedEnterprises, citizenId, []);

        public Task<SharedFact<GetCreditStatusResponse>> CreditStatusAsync(string creditCode, CancellationToken cancellationToken) =>
            Answer(SharedResources.CreditStatus, creditCode, new GetCreditStatusResponse { CreditCode = creditCode });

        public Task<SharedFact<Enterprise>> EnterpriseAsync(string creditCode, CancellationToken cancellationToken) =>
            Answer<Enterprise>(SharedResources.EnterpriseBasic, creditCode, null);

        public Task<SharedFact<SocialOrganization>> SocialOrganizationAsync(string creditCode, CancellationToken cancellationToken) =>
            Answer<SocialOrganization>(SharedResources.SocialOrganizations, creditCode, null);

        private Task<SharedFact<T>> Answer<T>(string resource, string holder, T? value) where T : class
            => Task.FromResult(Unreadable.Contains(resource)
                ? SharedFact<T>.Unread(resource, "PUBLIC-SECURITY", $"provider did not answer for {holder}")
                : SharedFact<T>.Of(value, resource, "PUBLIC-SECURITY"));
    }

    /// <summary>Remembers the day it was asked on and finds one warning and one blocking finding, in that order.</summary>
    private sealed class RecordingRule : IMaterialRule
    {
        public DateOnly? Today { get; private set; }

        public string Code => "TEST-RULE";

        public bool AppliesTo(ServiceItem item) => item.RuleCodes.Contains(Code);

        public Task<IReadOnlyList<Finding>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
        {
            Today = context.Today;
            return Task.FromResult<IReadOnlyList<Finding>>(
            [
                new Finding { RuleCode = Code, Severity = FindingSeverity.Warning, Title = "warning" },
                new Finding { RuleCode = Code, Severity = FindingSeverity.Blocking, Title = "blocking" },
            ]);
        }
    }
}
