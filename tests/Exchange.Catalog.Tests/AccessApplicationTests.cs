using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Catalog.Tests;

[Collection(SharedCatalogCollection.Name)]
public sealed class AccessApplicationTests(CatalogProcess catalog)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AccessService.AccessServiceClient CivilAffairs => catalog.AccessAs(ExchangeClients.CivilAffairs);
    private AccessService.AccessServiceClient MarketRegulation => catalog.AccessAs(ExchangeClients.MarketRegulation);
    private AccessService.AccessServiceClient PublicSecurity => catalog.AccessAs(ExchangeClients.PublicSecurity);
    private AccessService.AccessServiceClient Admin => catalog.AccessAs(ExchangeClients.CatalogAdmin);

    [Fact]
    public async Task First_start_files_the_demo_applications()
    {
        // Other tests of this class file more applications on the same catalog; the demo ones come first.
        var all = (await Admin.ListAccessApplicationsAsync(new ListAccessApplicationsRequest(), cancellationToken: Ct)).Applications
            .OrderBy(a => a.CreateTime.ToDateTimeOffset()).Take(5).ToList();

        var marriage = Assert.Single(all, a => a.ConsumerDepartmentCode == "CIVIL-AFFAIRS" && a.ResourceCode == "PS-RESIDENT-BASIC");
        Assert.Equal(AccessApplicationState.Approved, marriage.State);
        Assert.Equal(["name", "gender", "birth_date", "status"], marriage.DataItems);
        Assert.Equal("办理婚姻登记核实当事人身份", marriage.Purpose);
        Assert.Equal("《婚姻登记条例》第七条", marriage.LegalBasis);
        Assert.Equal("PUBLIC-SECURITY", marriage.ProviderDepartmentCode);
        Assert.InRange(marriage.ValidUntil.ToDateTimeOffset() - marriage.ValidFrom.ToDateTimeOffset(), TimeSpan.FromDays(365), TimeSpan.FromDays(366));
        var enterprise = Assert.Single(all, a => a.ConsumerDepartmentCode == "MARKET-REGULATION" && a.ResourceCode == "PS-RESIDENT-BASIC");
        Assert.Equal(AccessApplicationState.Approved, enterprise.State);
        Assert.Equal(["citizen_id", "name", "status"], enterprise.DataItems);
        // The identity-card licences under the same items as the population grants: a licence is no way around them.
        var civilAffairsCards = Assert.Single(all, a => a.ConsumerDepartmentCode == "CIVIL-AFFAIRS" && a.ResourceCode == "PS-ELICENCE");
        Assert.Equal(AccessApplicationState.Approved, civilAffairsCards.State);
        Assert.Equal(["RIDC.holder_name", "RIDC.name", "RIDC.gender", "RIDC.birth_date"], civilAffairsCards.DataItems);
        var marketRegulationCards = Assert.Single(all, a => a.ConsumerDepartmentCode == "MARKET-REGULATION" && a.ResourceCode == "PS-ELICENCE");
        Assert.Equal(AccessApplicationState.Approved, marketRegulationCards.State);
        Assert.Equal(["RIDC.holder_id", "RIDC.holder_name", "RIDC.name", "RIDC.citizen_id"], marketRegulationCards.DataItems);
        var pending = Assert.Single(all, a => a.ConsumerDepartmentCode == "PUBLIC-SECURITY" && a.ResourceCode == "CA-MARRIAGE-RECORDS");
        Assert.Equal(AccessApplicationState.Pending, pending.State);
    }

    [Fact]
    public async Task Application_is_pending_for_the_token_department_then_the_provider_approves_it()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var request = Application("MR-CREDIT-STATUS", "credit_code", "serious_violations");
        request.ConsumerDepartmentCode = "PUBLIC-SECURITY"; // output only: the token decides
        request.ValidFrom = null;

        var applied = (await CivilAffairs.ApplyForAccessAsync(new ApplyForAccessRequest { Application = request }, cancellationToken: Ct)).Application;

        Assert.False(string.IsNullOrEmpty(applied.Id));
        Assert.Equal(("CIVIL-AFFAIRS", "MARKET-REGULATION", AccessApplicationState.Pending), (applied.ConsumerDepartmentCode, applied.ProviderDepartmentCode, applied.State));
        Assert.Equal(["credit_code", "serious_violations"], applied.DataItems);
        Assert.InRange(applied.ValidFrom.ToDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(string.Empty, applied.DecidedBy);

        var approved = (await MarketRegulation.ApproveAccessApplicationAsync(
            new ApproveAccessApplicationRequest { Id = applied.Id, Note = "同意，限联合惩戒核查使用" }, cancellationToken: Ct)).Application;

        Assert.Equal(AccessApplicationState.Approved, approved.State);
        Assert.Equal(ExchangeClients.MarketRegulation, approved.DecidedBy);
        Assert.Equal("同意，限联合惩戒核查使用", approved.DecisionReason);
        Assert.NotNull(approved.DecideTime);
        var fetched = (await CivilAffairs.GetAccessApplicationAsync(new GetAccessApplicationRequest { Id = applied.Id }, cancellationToken: Ct)).Application;
        Assert.Equal(approved, fetched);
    }

    [Fact]
    public async Task Provider_rejects_with_a_reason_and_a_rejection_without_one_changes_nothing()
    {
        var applied = await ApplyAsync(CivilAffairs, Application("MR-CREDIT-STATUS", "abnormal_operations"));

        var noReason = await Assert.ThrowsAsync<RpcException>(() => MarketRegulation.RejectAccessApplicationAsync(
            new RejectAccessApplicationRequest { Id = applied.Id, Reason = "  " }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal("reason", FieldOf(noReason));
        Assert.Equal(AccessApplicationState.Pending, (await GetAsync(applied.Id)).State);

        var rejected = (await MarketRegulation.RejectAccessApplicationAsync(
            new RejectAccessApplicationRequest { Id = applied.Id, Reason = "用途与信用监管无关" }, cancellationToken: Ct)).Application;
        Assert.Equal((AccessApplicationState.Rejected, "用途与信用监管无关", ExchangeClients.MarketRegulation),
            (rejected.State, rejected.DecisionReason, rejected.DecidedBy));

        var approveRejected = await Assert.ThrowsAsync<RpcException>(() => MarketRegulation.ApproveAccessApplicationAsync(
            new ApproveAccessApplicationRequest { Id = applied.Id }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, approveRejected.StatusCode);
        Assert.Equal(AccessApplicationState.Rejected, (await GetAsync(applied.Id)).State);
    }

    [Fact]
    public async Task Approved_grant_is_revoked_with_a_reason_and_only_once()
    {
        var applied = await ApplyAsync(PublicSecurity, Application("CA-MARRIAGE-RECORDS", "kind"));
        var revokePending = await Assert.ThrowsAsync<RpcException>(() => CivilAffairs.RevokeGrantAsync(
            new RevokeGrantRequest { Id = applied.Id, Reason = "不再需要" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, revokePending.StatusCode);
        await CivilAffairs.ApproveAccessApplicationAsync(new ApproveAccessApplicationRequest { Id = applied.Id }, cancellationToken: Ct);

        var noReason = await Assert.ThrowsAsync<RpcException>(() => CivilAffairs.RevokeGrantAsync(
            new RevokeGrantRequest { Id = applied.Id }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal(AccessApplicationState.Approved, (await GetAsync(applied.Id)).State);

        var revoked = (await CivilAffairs.RevokeGrantAsync(new RevokeGrantRequest { Id = applied.Id, Reason = "事项已办结" }, cancellationToken: Ct)).Application;
        Assert.Equal((AccessApplicationState.Revoked, "事项已办结"), (revoked.State, revoked.DecisionReason));

        var again = await Assert.ThrowsAsync<RpcException>(() => CivilAffairs.RevokeGrantAsync(
            new RevokeGrantRequest { Id = applied.Id, Reason = "再次撤销" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal("事项已办结", (await GetAsync(applied.Id)).DecisionReason);
    }

    [Fact]
    public async Task Only_the_provider_department_or_a_catalog_admin_decides()
    {
        var applied = await ApplyAsync(CivilAffairs, Application("MR-CREDIT-STATUS", "credit_code"));

        foreach (var notProvider in new[] { CivilAffairs, PublicSecurity, catalog.AccessAs(ExchangeClients.Gateway) })
        {
            var approve = await Assert.ThrowsAsync<RpcException>(() => notProvider.ApproveAccessApplicationAsync(
                new ApproveAccessApplicationRequest { Id = applied.Id }, cancellationToken: Ct).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, approve.StatusCode);
            Assert.Contains("MARKET-REGULATION", approve.Status.Detail);
            var reject = await Assert.ThrowsAsync<RpcException>(() => notProvider.RejectAccessApplicationAsync(
                new RejectAccessApplicationRequest { Id = applied.Id, Reason = "越权" }, cancellationToken: Ct).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, reject.StatusCode);
        }
        Assert.Equal(AccessApplicationState.Pending, (await GetAsync(applied.Id)).State);

        var approved = (await Admin.ApproveAccessApplicationAsync(new ApproveAccessApplicationRequest { Id = applied.Id }, cancellationToken: Ct)).Application;
        Assert.Equal((AccessApplicationState.Approved, ExchangeClients.CatalogAdmin), (approved.State, approved.DecidedBy));
        var revoke = await Assert.ThrowsAsync<RpcException>(() => CivilAffairs.RevokeGrantAsync(
            new RevokeGrantRequest { Id = applied.Id, Reason = "consumer may not" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, revoke.StatusCode);
    }

    public static TheoryData<string, string> InvalidApplications => new()
    {
        { "unknown data item", "application.data_items[1]" },
        { "no data items", "application.data_items" },
        { "a data item twice", "application.data_items[1]" },
        { "no purpose", "application.purpose" },
        { "no legal basis", "application.legal_basis" },
        { "no end", "application.valid_until" },
        { "ends before it starts", "application.valid_until" },
        { "ended already", "application.valid_until" },
        { "malformed resource code", "application.resource_code" },
    };

    [Theory]
    [MemberData(nameof(InvalidApplications))]
    public async Task Invalid_application_is_invalid_argument_naming_the_field_and_stores_nothing(string problem, string field)
    {
        var application = Application("PS-RESIDENT-BASIC", "name", "birth_date");
        var now = DateTimeOffset.UtcNow;
        switch (problem)
        {
            case "unknown data item": application.DataItems[1] = "salary"; break;
            case "no data items": application.DataItems.Clear(); break;
            case "a data item twice": application.DataItems[1] = "name"; break;
            case "no purpose": application.Purpose = " "; break;
            case "no legal basis": application.LegalBasis = ""; break;
            case "no end": application.ValidUntil = null; break;
            case "ends before it starts": application.ValidUntil = Timestamp.FromDateTimeOffset(now.AddDays(10)); application.ValidFrom = Timestamp.FromDateTimeOffset(now.AddDays(20)); break;
            case "ended already": application.ValidFrom = Timestamp.FromDateTimeOffset(now.AddDays(-20)); application.ValidUntil = Timestamp.FromDateTimeOffset(now.AddDays(-10)); break;
            case "malformed resource code": application.ResourceCode = "ps resident"; break;
        }
        var before = await CountAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            CivilAffairs.ApplyForAccessAsync(new ApplyForAccessRequest { Application = application }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, FieldOf(error));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("PS-IDENTITY-CHECK", StatusCode.FailedPrecondition, "unconditionally")]
    [InlineData("CA-MARRIAGE-RECORDS", StatusCode.FailedPrecondition, "itself")]
    [InlineData("NO-SUCH-RESOURCE", StatusCode.NotFound, "NO-SUCH-RESOURCE")]
    public async Task Application_for_a_resource_that_takes_none_changes_nothing(string resource, StatusCode expected, string why)
    {
        var application = Application(resource, "citizen_id");
        var before = await CountAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            CivilAffairs.ApplyForAccessAsync(new ApplyForAccessRequest { Application = application }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(expected, error.StatusCode);
        Assert.Contains(why, error.Status.Detail);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Application_for_an_unpublished_resource_is_failed_precondition()
    {
        var draft = TestResources.Complete(TestResources.NewCode("ACC"));
        await catalog.Admin.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);
        var before = await CountAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => MarketRegulation.ApplyForAccessAsync(
            new ApplyForAccessRequest { Application = Application(draft.Code, "citizen_id") }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("no published version", error.Status.Detail);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Applying_needs_a_department_token()
    {
        var application = Application("PS-RESIDENT-BASIC", "name");
        var before = await CountAsync();

        var anonymous = await GrpcStatus.OfAsync(() => new AccessService.AccessServiceClient(catalog.Service.Channel)
            .ApplyForAccessAsync(new ApplyForAccessRequest { Application = application }, cancellationToken: Ct).ResponseAsync);
        var admin = await Assert.ThrowsAsync<RpcException>(() =>
            Admin.ApplyForAccessAsync(new ApplyForAccessRequest { Application = application }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, anonymous);
        Assert.Equal(StatusCode.PermissionDenied, admin.StatusCode);
        Assert.Contains("department", admin.Status.Detail);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_department_sees_only_applications_it_makes_or_decides()
    {
        var own = await ApplyAsync(MarketRegulation, Application("CA-MARRIAGE-RECORDS", "kind"));

        var listed = (await MarketRegulation.ListAccessApplicationsAsync(new ListAccessApplicationsRequest(), cancellationToken: Ct)).Applications;
        Assert.Contains(listed, a => a.Id == own.Id);
        Assert.All(listed, a => Assert.True(a.ConsumerDepartmentCode == "MARKET-REGULATION" || a.ProviderDepartmentCode == "MARKET-REGULATION"));
        Assert.DoesNotContain(listed, a => a.ConsumerDepartmentCode == "CIVIL-AFFAIRS" && a.ResourceCode == "PS-RESIDENT-BASIC");

        var pending = (await CivilAffairs.ListAccessApplicationsAsync(new ListAccessApplicationsRequest
        {
            ProviderDepartmentCode = "CIVIL-AFFAIRS",
            State = AccessApplicationState.Pending,
        }, cancellationToken: Ct)).Applications;
        Assert.Contains(pending, a => a.Id == own.Id);
        Assert.All(pending, a => Assert.Equal((AccessApplicationState.Pending, "CIVIL-AFFAIRS"), (a.State, a.ProviderDepartmentCode)));

        var bystander = await Assert.ThrowsAsync<RpcException>(() => PublicSecurity.GetAccessApplicationAsync(
            new GetAccessApplicationRequest { Id = own.Id }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, bystander.StatusCode);
        var unknown = await GrpcStatus.OfAsync(() => Admin.GetAccessApplicationAsync(
            new GetAccessApplicationRequest { Id = "AA-NO-SUCH" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown);
    }

    internal static AccessApplication Application(string resource, params string[] items)
    {
        var now = DateTimeOffset.UtcNow;
        var application = new AccessApplication
        {
            ResourceCode = resource,
            Purpose = "办理不动产登记核实申请人信息",
            LegalBasis = "《不动产登记暂行条例》第二十八条",
            ValidFrom = Timestamp.FromDateTimeOffset(now),
            ValidUntil = Timestamp.FromDateTimeOffset(now.AddDays(90)),
        };
        application.DataItems.Add(items);
        return application;
    }

    private static async Task<AccessApplication> ApplyAsync(AccessService.AccessServiceClient consumer, AccessApplication application) =>
        (await consumer.ApplyForAccessAsync(new ApplyForAccessRequest { Application = application }, cancellationToken: Ct)).Application;

    private async Task<AccessApplication> GetAsync(string id) =>
        (await Admin.GetAccessApplicationAsync(new GetAccessApplicationRequest { Id = id }, cancellationToken: Ct)).Application;

    private async Task<int> CountAsync() =>
        (await Admin.ListAccessApplicationsAsync(new ListAccessApplicationsRequest(), cancellationToken: Ct)).Applications.Count;

    private static string FieldOf(RpcException error) =>
        Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field;
}
