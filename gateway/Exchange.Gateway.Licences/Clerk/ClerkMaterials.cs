using System.Diagnostics;
using Exchange.Gateway.Audit;
using Exchange.Gateway.Licences;
using Exchange.Protos.Licence.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Gateway.Licences.Clerk;

/// <summary>
/// A clerk's material check (受理前核查), made as the clerk's department through the same checker as CheckMaterials and
/// recorded the same way: an audit record with the licences used and the tally, durable before the page shows the answer.
/// </summary>
internal sealed class ClerkMaterials(MaterialChecker checker, IAuditLog audit, TimeProvider time)
{
    public const string Purpose = "窗口受理核查申请材料";

    public async Task<ClerkMaterialAnswer> CheckAsync(
        ClerkUser clerk, string caseNumber, string itemCode, IReadOnlyList<Applicant> applicants, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var requester = clerk.RequesterFor(caseNumber, Purpose, now);
        MaterialCheckResult? result = null;
        string status = "OK", message = string.Empty, problem = string.Empty;
        try
        {
            result = await checker.CheckAsync(itemCode, applicants, requester, cancellationToken);
        }
        catch (ExchangeException ex)
        {
            (status, problem) = ex switch
            {
                InvalidFieldException => ("INVALID_ARGUMENT", $"申请人信息有误：{ex.Message}"),
                NotFoundException => ("NOT_FOUND", $"资源目录中没有办理事项 {itemCode}。"),
                PermissionDeniedException => ("PERMISSION_DENIED", $"本部门（{clerk.Department}）不能办理该事项：{ex.Message}"),
                UnavailableException => ("UNAVAILABLE", $"相关部门暂时无法访问，请稍后重试。（{ex.Message}）"),
                _ => ("FAILED_PRECONDITION", ex.Message),
            };
            message = ex.Message;
        }

        var holderId = applicants.Count > 0 ? applicants[0].HolderId : string.Empty;
        await audit.AppendAsync(ClerkAuditEntry.Of(clerk, requester, now, started, "/clerk/CheckMaterials", holderId, status, message) with
        {
            // Counted only for a real case: every applicant on record (a trial with made-up ids is not a case).
            Attachment = new LicenceUsageRows(result?.Uses ?? [], result is { AllPartiesRegistered: true }
                ? new MaterialTally(result.Item.Code, result.Item.Name, result.Checks.Count, result.Exempted, result.Blocked)
                : null),
        });
        return new ClerkMaterialAnswer(result, problem.Length > 0 ? problem : null, now);
    }
}

internal sealed record ClerkMaterialAnswer(MaterialCheckResult? Result, string? Problem, DateTimeOffset CheckedAt);
