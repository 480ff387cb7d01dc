using System.Globalization;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Licences.Presentations;
using Exchange.Labels;
using Exchange.Gateway.Routing;
using Exchange.ExchangeContext;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using Exchange.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.Licences;

/// <summary>
/// exchange.licence.v1.LicenceService, served by the gateway behind the same admission as every data call (audit,
/// bearer token, case metadata, rate limits). Each call records which licences it used, for their holders.
/// </summary>
internal sealed class LicenceGrpcService(
    LicenceBroker broker, MaterialChecker materials, LicenceUsageQueries usage, ServiceItems serviceItems, LicenceIssuers issuers, PresentationCodes presentations)
    : LicenceService.LicenceServiceBase
{
    private const string CacheHeader = "x-exchange-cache";
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public override async Task<ListByHolderResponse> ListByHolder(ListByHolderRequest request, ServerCallContext context)
    {
        var holder = LicenceBroker.ValidHolder(request.HolderId);
        var call = CallOf(context);
        OwnHolderOnly(call, holder);
        call.HolderId = holder;
        var found = await broker.ListByHolderAsync(holder, await RequesterAsync(call, context), context.CancellationToken);
        var response = new ListByHolderResponse { Complete = found.Complete };
        response.Issuers.AddRange(found.Issuers);
        // The holder sees their revoked and expired licences too, with the reason; departments only valid ones.
        var shown = call.Caller!.Holder is null ? found.Licences : [.. found.Licences, .. found.Lapsed];
        foreach (var licence in shown)
        {
            response.Licences.Add(licence.ForCaller());
            LicenceUsageRows.Of(context).Uses.Add(new LicenceUse(licence.Licence.LicenceNumber, licence.Licence.TypeCode, holder, "ListByHolder"));
        }
        call.ReturnedItems = string.Join(',', shown.Select(l => l.Returned).Where(r => r.Length > 0).SelectMany(r => r.Split(',')).Distinct(StringComparer.Ordinal));
        return response;
    }

    public override async Task<GetResponse> Get(GetRequest request, ServerCallContext context)
    {
        var number = LicenceBroker.ValidNumber(request.LicenceNumber);
        var call = CallOf(context);
        NotForHolders(call, "Get");
        var found = await broker.GetAsync(number, await RequesterAsync(call, context), context.CancellationToken);
        Used(context, call, found, "Get");
        return new GetResponse
        {
            Licence = found.ForCaller(),
            Verification = found.Verification,
            QrPayload = found.Whole ? LicenceQrPayload.Encode(found.Licence) : string.Empty,
        };
    }

    public override async Task<VerifyResponse> Verify(VerifyRequest request, ServerCallContext context)
    {
        var call = CallOf(context);
        NotForHolders(call, "Verify");
        CheckedLicence found;
        switch (request.SubjectCase)
        {
            case VerifyRequest.SubjectOneofCase.LicenceNumber:
                found = await broker.VerifyNumberAsync(LicenceBroker.ValidNumber(request.LicenceNumber), await RequesterAsync(call, context), context.CancellationToken);
                break;
            case VerifyRequest.SubjectOneofCase.QrPayload:
                var payload = LicenceQrPayload.TryDecode(request.QrPayload, out var problem)
                    ?? throw new InvalidFieldException("qr_payload", $"{problem}; scan the licence's QR code again or type its licence number");
                found = await broker.VerifyPayloadAsync(payload, await RequesterAsync(call, context), context.CancellationToken);
                break;
            case VerifyRequest.SubjectOneofCase.PresentationCode:
                found = await RedeemAsync(request.PresentationCode, call, context.CancellationToken);
                break;
            default:
                throw new InvalidFieldException("subject", "is missing: give licence_number, qr_payload or presentation_code");
        }
        Used(context, call, found, "Verify");
        return new VerifyResponse { Verification = found.Verification, Licence = found.ForCaller() };
    }

    public override async Task<RevokeResponse> Revoke(RevokeRequest request, ServerCallContext context)
    {
        var number = LicenceBroker.ValidNumber(request.LicenceNumber);
        var reason = request.Reason.Trim();
        if (reason.Length == 0)
            throw new InvalidFieldException("reason", "is required: say why the licence is revoked, for its holder and for verifiers");
        var call = CallOf(context);
        NotForHolders(call, "Revoke");
        var revoked = await broker.RevokeAsync(number, reason, Requester(call), context.CancellationToken);
        call.HolderId = revoked.HolderId;
        LicenceUsageRows.Of(context).Uses.Add(new LicenceUse(number, revoked.TypeCode, revoked.HolderId, "Revoke"));
        return new RevokeResponse { Licence = revoked };
    }

    public override async Task<CheckMaterialsResponse> CheckMaterials(CheckMaterialsRequest request, ServerCallContext context)
    {
        var code = request.ServiceItemCode.Trim().ToUpperInvariant();
        if (code.Length == 0)
            throw new InvalidFieldException("service_item_code", "is required");
        var call = CallOf(context);
        NotForHolders(call, "CheckMaterials");
        var result = await materials.CheckAsync(code, request.Applicants, Requester(call), context.CancellationToken);
        call.HolderId = request.Applicants.Count > 0 ? HolderIdOf(request.Applicants[0]) : string.Empty;
        LicenceUsageRows.Of(context).Uses.AddRange(result.Uses);
        // 减材料 statistics count real cases only: a check with an id the registers do not know is a trial, not a case.
        if (call.CaseNumber.Length > 0 && result.AllPartiesRegistered)
            LicenceUsageRows.Of(context).Materials = new MaterialTally(result.Item.Code, result.Item.Name, result.Checks.Count, result.Exempted, result.Blocked);
        var response = new CheckMaterialsResponse
        {
            ServiceItemCode = result.Item.Code,
            ServiceItemName = result.Item.Name,
            MaterialsRequired = result.Checks.Count - result.Exempted,
            MaterialsExempted = result.Exempted,
            Blocked = result.Blocked,
        };
        response.Materials.AddRange(result.Checks);
        response.Findings.AddRange(result.Findings);
        response.Parties.AddRange(result.Parties);
        return response;
    }

    public override Task<ListUsageResponse> ListUsage(ListUsageRequest request, ServerCallContext context)
    {
        var holder = LicenceBroker.ValidHolder(request.HolderId);
        if (request.PageSize is < 0 or > MaxPageSize)
            throw new InvalidFieldException("page_size", $"must be between 0 and {MaxPageSize}");
        if (request.BeforeId < 0)
            throw new InvalidFieldException("before_id", "must not be negative");
        var call = CallOf(context);
        OwnHolderOnly(call, holder);
        call.HolderId = holder;
        var response = new ListUsageResponse();
        foreach (var use in usage.UsesOf(holder, request.BeforeId, request.PageSize == 0 ? DefaultPageSize : request.PageSize, ScopeOf(call.Caller!)))
        {
            response.Usages.Add(new LicenceUsage
            {
                Id = use.Id,
                Time = DateTimeOffset.UnixEpoch.AddTicks(use.TimeMicros * TimeSpan.TicksPerMicrosecond).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                LicenceNumber = use.LicenceNumber,
                TypeCode = use.TypeCode,
                HolderId = use.HolderId,
                ConsumerDepartmentCode = use.Consumer,
                CaseNumber = use.CaseNumber,
                Purpose = use.Purpose,
                Action = use.Action,
                RequestId = use.RequestId,
            });
        }
        return Task.FromResult(response);
    }

    public override Task<GetMaterialStatisticsResponse> GetMaterialStatistics(GetMaterialStatisticsRequest request, ServerCallContext context)
    {
        var response = new GetMaterialStatisticsResponse();
        foreach (var row in usage.MaterialStatistics())
        {
            response.ServiceItems.Add(new MaterialStatistics
            {
                ServiceItemCode = row.ServiceItemCode,
                ServiceItemName = row.ServiceItemName,
                Checks = row.Checks,
                MaterialsChecked = row.MaterialsChecked,
                MaterialsExempted = row.MaterialsExempted,
                ApplicationsStopped = row.ApplicationsStopped,
            });
            response.MaterialsExemptedTotal += row.MaterialsExempted;
            response.ApplicationsStoppedTotal += row.ApplicationsStopped;
        }
        return Task.FromResult(response);
    }

    public override async Task<CreatePresentationResponse> CreatePresentation(CreatePresentationRequest request, ServerCallContext context)
    {
        var number = LicenceBroker.ValidNumber(request.LicenceNumber);
        var call = CallOf(context);
        var holder = call.Caller!.Holder
            ?? throw new PermissionDeniedException("CreatePresentation is for holders: a presentation code is the consent of the licence's holder, made with the holder's own token (the portal's sign-in), never by a department.");
        var made = await presentations.MakeAsync(holder, number, request.DataItems, request.CounterDepartmentCode, Requester(call), context.CancellationToken);
        var record = made.Record;
        // The record of the making names the holder, the licence, the items, the counter and the code's id, never the code.
        context.GetHttpContext().Features.Set<IPublishedMethodFeature>(made.Licence.Issuer.GetLicence);
        call.HolderId = holder;
        call.ReturnedItems = string.Join(',', record.QualifiedItems);
        call.Purpose = $"持证人亮证授权（亮证码编号 {record.Id}，出示给{record.Counter}，有效至 {BeijingTime.Format(record.ExpiresAt, "HH:mm")}）";
        LicenceUsageRows.Of(context).Uses.Add(new LicenceUse(number, record.TypeCode, holder, "CreatePresentation"));
        var response = new CreatePresentationResponse
        {
            Code = made.Code,
            PresentationId = record.Id,
            ExpiresAt = record.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            CounterDepartmentCode = record.Department,
            LicenceNumber = number,
        };
        response.DataItems.AddRange(record.Items);
        return response;
    }

    /// <summary>
    /// Whose uses the caller may list: a department its own and those of the licence types it issues (as AuditService
    /// limits records to the caller's own); a catalog administrator all.
    /// </summary>
    private UsageScope? ScopeOf(Caller caller)
    {
        if (caller.IsCatalogAdmin || caller.Holder is not null)
            return null;
        var department = caller.Department
            ?? throw new PermissionDeniedException($"Client '{caller.ClientId}' acts for no department; only departments and catalog administrators list licence uses.");
        var issued = issuers.All.Where(i => string.Equals(i.Department, department, StringComparison.Ordinal)).SelectMany(i => i.TypeCodes).ToList();
        return new UsageScope(department, issued);
    }

    /// <summary>
    /// A holder's presentation code, redeemed once by the counter department it names (the calling client counts as the
    /// clerk for the wrong-code limit): the licence with the items the holder consented to, whatever the department's
    /// grants. The audit record names the holder and the holder's consent with the code's id as the basis, never the code.
    /// </summary>
    private async Task<CheckedLicence> RedeemAsync(string code, ExchangeCall call, CancellationToken cancellationToken)
    {
        var caller = call.Caller!;
        var redemption = await presentations.RedeemAsync(code, caller.Department!, caller.ClientId, Requester(call), cancellationToken);
        if (redemption.Record is { } record)
        {
            call.HolderId = record.HolderId;
            call.Purpose = call.Purpose.Length == 0 ? record.Basis : $"{record.Basis}（{call.Purpose}）";
        }
        return redemption.Licence ?? throw redemption.Status switch
        {
            "INVALID_ARGUMENT" => new InvalidFieldException("presentation_code", $"{redemption.Reason}; check each character with the holder"),
            "NOT_FOUND" => new NotFoundException($"No live presentation code matches ({redemption.Reason}): check it with the holder, or ask the holder to make a new one in the portal; a code lives a few minutes."),
            "PERMISSION_DENIED" => new PermissionDeniedException($"{redemption.Reason}: the holder made this code for another counter, and it is now void."),
            "RESOURCE_EXHAUSTED" => new ResourceExhaustedException($"{redemption.Reason} from this client or department lately: verify by licence number or QR payload meanwhile."),
            _ => new PreconditionFailedException($"{redemption.Reason}: ask the holder to make a new presentation code in the portal, or verify by licence number.", [redemption.Reason]),
        };
    }

    private static void Used(ServerCallContext context, ExchangeCall call, CheckedLicence found, string action)
    {
        var http = context.GetHttpContext();
        // The audit record names the issuer's e-licence resource as the provider side of the call.
        http.Features.Set<IPublishedMethodFeature>(found.Issuer.GetLicence);
        call.HolderId = found.Licence.HolderId;
        call.ReturnedItems = found.Returned;
        // A licence that is not genuine was not used: it is recorded as a failed verification under the holder it names.
        LicenceUsageRows.Of(context).Uses.Add(new LicenceUse(found.Licence.LicenceNumber, found.Licence.TypeCode, found.Licence.HolderId, found.Genuine ? action : action + "Failed"));
        http.Response.Headers[CacheHeader] = found.Source.ToString().ToLowerInvariant();
    }

    private static string HolderIdOf(Applicant applicant) => applicant.HolderId.Trim().ToUpperInvariant();

    /// <summary>A holder's token (the portal's) is about its holder alone: asking for anyone else is refused, never answered.</summary>
    private static void OwnHolderOnly(ExchangeCall call, string holder)
    {
        if (call.Caller!.Holder is { } own && !string.Equals(own, holder, StringComparison.Ordinal))
            throw new PermissionDeniedException("A holder's token reaches only the signed-in holder's own licences; the holder comes from the sign-in, not the request.");
    }

    /// <summary>A holder's token serves the holder's own lists (and presentations), never a department's lookups of any licence.</summary>
    private static void NotForHolders(ExchangeCall call, string method)
    {
        if (call.Caller!.Holder is not null)
            throw new PermissionDeniedException($"{method} is for departments; a holder's token lists only the holder's own licences and their uses.");
    }

    private static ExchangeCall CallOf(ServerCallContext context) => context.GetHttpContext().Features.GetRequiredFeature<ExchangeCall>();

    private static LicenceRequester Requester(ExchangeCall call) => new(call.Caller!.Department!, call.CaseNumber, call.Purpose, call.RequestId);

    /// <summary>The requester, with the service item the call names in metadata when it names one; only the item's own department may name it.</summary>
    private async Task<LicenceRequester> RequesterAsync(ExchangeCall call, ServerCallContext context)
    {
        var requester = Requester(call);
        var code = context.RequestHeaders.GetValue(ExchangeMetadata.ServiceItem)?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
            return requester;
        if (code.Length > 64 || !code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new InvalidFieldException(ExchangeMetadata.ServiceItem, "must be a service item code of A-Z, 0-9 and '-', at most 64 characters, for example CA-MARRIAGE-REGISTRATION");
        var item = await serviceItems.GetAsync(code, context.CancellationToken);
        return requester with { ServiceItem = ServiceItems.HandledBy(item, requester.Department) };
    }
}
