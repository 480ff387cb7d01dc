using System.Diagnostics;
using Exchange.Gateway.Audit;
using Exchange.Gateway.Licences;
using Exchange.Gateway.Licences.Presentations;
using Exchange.Labels;
using Exchange.Licences;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Gateway.Licences.Clerk;

/// <summary>
/// A clerk's lookup, made as the clerk's department through the same broker as gRPC callers, and recorded the same
/// way: an audit record with the licences used, durable before the page shows the answer.
/// </summary>
internal sealed class ClerkLookup(LicenceBroker broker, ServiceItems serviceItems, IAuditLog audit, PresentationCodes presentations, TimeProvider time)
{
    public const string Purpose = "窗口核验电子证照";

    /// <summary>The service items the clerk's department handles, to choose the one the case is of.</summary>
    public Task<IReadOnlyList<ServiceItem>> ServiceItemsOfAsync(ClerkUser clerk, CancellationToken cancellationToken) =>
        serviceItems.OfDepartmentAsync(clerk.Department, cancellationToken);

    /// <summary>
    /// Looks up as the clerk's department: with the service item being handled (one of the department's), the licence
    /// types and items its materials name; without one, a presented licence's validity, type, issuer, holder name and dates.
    /// </summary>
    public async Task<ClerkAnswer> LookupAsync(ClerkQuery query, ClerkUser clerk, string caseNumber, string? serviceItemCode, CancellationToken cancellationToken)
    {
        if (query.Kind == ClerkQueryKind.Invalid)
            return ClerkAnswer.Refused(query.Problem!);
        if (query.Kind == ClerkQueryKind.PresentationCode)
            return await RedeemAsync(query.Value, clerk, caseNumber, cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var requester = clerk.RequesterFor(caseNumber, Purpose, now);
        var uses = new List<LicenceUse>();
        ClerkAnswer answer;
        string status = "OK", message = string.Empty;
        if (!string.IsNullOrEmpty(serviceItemCode))
        {
            try
            {
                requester = requester with { ServiceItem = ServiceItems.HandledBy(await serviceItems.GetAsync(serviceItemCode, cancellationToken), clerk.Department) };
            }
            catch (ExchangeException ex)
            {
                return ClerkAnswer.Refused(ex switch
                {
                    NotFoundException => $"所选办理事项 {serviceItemCode} 不在资源目录中，请重新选择。",
                    PermissionDeniedException => $"所选办理事项 {serviceItemCode} 不由本部门（{DepartmentNames.Of(clerk.Department)}）办理，请重新选择。",
                    _ => "资源目录暂时无法访问，无法按所选办理事项核验，请稍后重试或不指定事项。",
                });
            }
        }
        try
        {
            answer = await AnswerAsync(query, requester, uses, cancellationToken);
        }
        catch (ExchangeException ex)
        {
            // The page speaks to the clerk in Chinese; the exception's own (English, technical) text goes to the audit record.
            (status, answer) = ex switch
            {
                NotFoundException => ("NOT_FOUND", ClerkAnswer.Refused($"未找到证照 {query.Value}：签发部门没有该编号的证照，请与申请人核对编号。")),
                PermissionDeniedException => ("PERMISSION_DENIED", ClerkAnswer.Refused($"本部门（{DepartmentNames.Of(clerk.Department)}）没有使用该类证照的授权：请选择本次办理的事项，或向资源目录申请共享。")),
                UnavailableException => ("UNAVAILABLE", ClerkAnswer.Refused("签发部门暂时无法访问，请稍后重试。")),
                InvalidFieldException => ("INVALID_ARGUMENT", ClerkAnswer.Refused("二维码内容无法识别：可能扫描不完整或并非电子证照二维码，请重新扫描或输入证照编号。")),
                _ => ("FAILED_PRECONDITION", ClerkAnswer.Refused("暂时无法完成核验，请稍后重试；如仍不成功，请联系平台运维。")),
            };
            message = ex.Message;
        }

        var holderId = uses.Count > 0 ? uses[0].HolderId : query.Kind == ClerkQueryKind.HolderId ? query.Value : string.Empty;
        await audit.AppendAsync(ClerkAuditEntry.Of(clerk, requester, now, started, $"/clerk/{query.Kind}", holderId, status, message) with
        {
            Attachment = status == "OK" ? new LicenceUsageRows(uses) : null,
        });
        return answer;
    }

    /// <summary>
    /// A holder's presentation code: redeemed once, at a counter the holder allowed, showing the licence with the items
    /// the holder consented to (whatever the department's own grants or the chosen service item would show). The audit
    /// record names the holder, the licence, the items, the department and the basis (consent and the code's id), and a
    /// refusal is recorded too, without the code.
    /// </summary>
    private async Task<ClerkAnswer> RedeemAsync(string code, ClerkUser clerk, string caseNumber, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var requester = clerk.RequesterFor(caseNumber, Purpose, now);
        PresentationRedemption redemption;
        try
        {
            redemption = await presentations.RedeemAsync(code, clerk.Department, clerk.UserName, requester, cancellationToken);
        }
        catch (ExchangeException ex)
        {
            redemption = PresentationRedemption.Refused(ex is UnavailableException ? "UNAVAILABLE" : "FAILED_PRECONDITION", ex.Message, ex switch
            {
                UnavailableException when ex.Message.Contains("Redis", StringComparison.Ordinal) =>
                    "亮证码服务暂时不可用（无法确认该码只使用一次），不能按亮证码核验；请稍后重试，或请申请人出示证照编号或证照二维码。",
                UnavailableException => "签发部门暂时无法访问，请稍后重试。",
                _ => "暂时无法按亮证码核验，请稍后重试；如仍不成功，请联系平台运维。",
            });
        }

        var record = redemption.Record;
        var licence = redemption.Licence;
        await audit.AppendAsync(ClerkAuditEntry.Of(clerk, requester, now, started, "/clerk/Presentation", record?.HolderId ?? string.Empty, redemption.Status, redemption.Reason) with
        {
            Provider = licence?.Issuer.Department ?? string.Empty,
            Resource = licence?.Issuer.Resource.Code ?? string.Empty,
            DataItems = licence is null || record is null ? [] : [.. record.QualifiedItems],
            Purpose = record is null ? requester.Purpose : $"{record.Basis}（{clerk.UserName}）",
            Attachment = licence is null ? null : new LicenceUsageRows([new LicenceUse(licence.Licence.LicenceNumber, licence.Licence.TypeCode, licence.Licence.HolderId, "ClerkPresentation")]),
        });
        if (licence is null || record is null)
            return ClerkAnswer.Refused(redemption.Problem!);
        return new ClerkAnswer([LicenceView.Of(licence)], null, null)
        {
            Consent = $"持证人亮证授权（亮证码编号 {record.Id}）：本次可查看{string.Join("、", record.Items.Select(LicenceSchemas.Of(record.TypeCode).TitleOf))}；亮证码已使用，不能再次核验。",
        };
    }

    private async Task<ClerkAnswer> AnswerAsync(ClerkQuery query, LicenceRequester requester, List<LicenceUse> uses, CancellationToken cancellationToken)
    {
        switch (query.Kind)
        {
            case ClerkQueryKind.LicenceNumber:
                return One(await broker.VerifyNumberAsync(query.Value, requester, cancellationToken), uses);
            case ClerkQueryKind.QrPayload:
                var payload = LicenceQrPayload.TryDecode(query.Value, out var problem)
                    ?? throw new InvalidFieldException("qr_payload", problem!);
                return One(await broker.VerifyPayloadAsync(payload, requester, cancellationToken), uses);
            default:
                var found = await broker.ListByHolderAsync(query.Value, requester, cancellationToken);
                foreach (var licence in found.Licences)
                    uses.Add(new LicenceUse(licence.Licence.LicenceNumber, licence.Licence.TypeCode, query.Value, "ClerkListByHolder"));
                var missing = found.Silent.Select(i => DepartmentNames.Of(i.IssuerDepartmentCode)).ToList();
                return new ClerkAnswer(
                    found.Licences.Select(LicenceView.Of).ToList(),
                    found.Licences.Count > 0 || missing.Count > 0 ? null
                        : found.Lapsed.Count > 0 ? $"{query.Value} 名下没有有效的电子证照：" + string.Join("；", found.Lapsed.Select(LicenceView.Lapse)) + "。"
                        : $"{query.Value} 名下没有本部门可使用的电子证照。",
                    missing.Count == 0 ? null : "以下签发部门暂时无法查询，结果可能不完整：" + string.Join("、", missing) + "。");
        }

        ClerkAnswer One(CheckedLicence licence, List<LicenceUse> used)
        {
            // A licence that is not genuine was not used: recorded as a failed verification, shown with its verdict only.
            used.Add(new LicenceUse(licence.Licence.LicenceNumber, licence.Licence.TypeCode, licence.Licence.HolderId,
                licence.Genuine ? "ClerkVerify" : "ClerkVerifyFailed"));
            return new ClerkAnswer([LicenceView.Of(licence)], null, null);
        }
    }
}

public sealed record ClerkAnswer(IReadOnlyList<LicenceView> Licences, string? Problem, string? Warning)
{
    /// <summary>For a presentation code: what the holder consented to, shown above the licence.</summary>
    public string? Consent { get; init; }

    public static ClerkAnswer Refused(string problem) => new([], problem, null);
}
