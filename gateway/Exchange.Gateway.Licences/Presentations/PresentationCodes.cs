using Exchange.Labels;
using Exchange.Licences;
using Exchange.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences.Presentations;

/// <summary>
/// Presentation codes (亮证码): a holder makes one for a licence of their own and the items they agree to show, for
/// one counter or any; a clerk redeems it once, within its lifetime, and sees those items of the licence as the issuer
/// holds it at that moment (a licence revoked meanwhile is refused), on the holder's consent instead of a grant.
/// Wrong codes are counted per clerk and per department and stop being tried once either limit is reached.
/// </summary>
internal sealed class PresentationCodes(IPresentationLicences licences, IPresentationStore store, IOptions<PresentationOptions> options, TimeProvider time)
{
    private const string CodeKey = "presentation:";
    private const string UsedKey = "presentation-used:";
    private const string FailureKey = "presentation-failures:";
    private static readonly string[] HolderItems = [LicenceDisclosure.HolderId, LicenceDisclosure.HolderName];

    public async Task<MadePresentation> MakeAsync(
        string holderId, string number, IEnumerable<string> items, string? department, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var counter = ValidDepartment(department);
        var held = await licences.HeldAsync(number, holderId, requester, cancellationToken);
        if (!held.Genuine || !held.Verification.Valid)
            throw new PreconditionFailedException(
                $"Licence {number} is not valid ({held.Verification.Reason}); a presentation code is made only for a valid licence.",
                [$"licence {number}: {held.Verification.Outcome}"]);
        var consent = ValidItems(items, held.Licence);

        var now = time.GetUtcNow();
        var lifetime = options.Value.Lifetime;
        var record = new PresentationRecord(Guid.CreateVersion7(now).ToString("N"), holderId, number, held.Licence.TypeCode, consent, counter, now, now + lifetime);
        var encoded = record.Encode();
        // 55 random bits make a collision with a live code all but impossible; SET NX makes even that one harmless.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var code = PresentationCode.Generate();
            if (await store.AddAsync(CodeKey + PresentationCode.Digest(PresentationCode.Normalise(code)), encoded, lifetime))
                return new MadePresentation(code, record, held);
        }
        throw new UnavailableException("Could not store a new presentation code; try again.");
    }

    /// <summary>
    /// Redeems a code at a counter of <paramref name="department"/>: its record and the licence under its consent, or the
    /// refusal in words for the clerk. Throws <see cref="UnavailableException"/> when the store does not answer (fail closed).
    /// </summary>
    public async Task<PresentationRedemption> RedeemAsync(string text, string department, string clerk, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var o = options.Value;
        string clerkKey = $"{FailureKey}{department}:{clerk}", departmentKey = FailureKey + department;
        // Every attempt takes a place under both limits before any code is tried, so that a burst of guesses cannot try
        // more codes than the limits allow; an attempt whose code turns out to be real gives its place back.
        var clerkAttempts = await store.IncrementAsync(clerkKey, o.FailureWindow);
        var departmentAttempts = await store.IncrementAsync(departmentKey, o.FailureWindow);
        if (clerkAttempts > o.MaxFailuresPerClerk || departmentAttempts > o.MaxFailuresPerDepartment)
        {
            await ReleaseAsync(clerkKey, departmentKey);
            return PresentationRedemption.Refused("RESOURCE_EXHAUSTED", "too many wrong presentation codes",
                $"本窗口输入错误的亮证码次数过多，{(int)o.FailureWindow.TotalMinutes} 分钟内暂停核验亮证码；请申请人出示证照编号或二维码核验。");
        }

        var code = PresentationCode.Normalise(text);
        if (PresentationCode.Problem(code) is { } problem)
            return PresentationRedemption.Refused("INVALID_ARGUMENT", "presentation code " + problem,
                "亮证码有误：校验位不符，可能输错了某一位，请与申请人核对后重新输入。");

        var digest = PresentationCode.Digest(code);
        if (await store.TakeAsync(CodeKey + digest, UsedKey + digest, o.Lifetime) is not { } value)
        {
            if (await store.GetAsync(UsedKey + digest) is not { } used)
                return PresentationRedemption.Refused("NOT_FOUND", "no live presentation code matches",
                    "亮证码无效或已过期：请与申请人核对，或请申请人在门户重新生成（亮证码几分钟内有效）。");
            await ReleaseAsync(clerkKey, departmentKey);
            var spent = PresentationRecord.Decode(used);
            return PresentationRedemption.Refused("FAILED_PRECONDITION", $"presentation {spent.Id} already used",
                "该亮证码已使用过：每个亮证码只能使用一次，请申请人在门户重新生成。", spent);
        }
        await ReleaseAsync(clerkKey, departmentKey);
        var record = PresentationRecord.Decode(value);
        var now = time.GetUtcNow();
        if (record.ExpiresAt <= now)
            return PresentationRedemption.Refused("FAILED_PRECONDITION", $"presentation {record.Id} expired", $"亮证码已于 {BeijingTime.Format(record.ExpiresAt, "HH:mm")}（北京时间）过期，请申请人重新生成。", record);
        if (record.Department.Length > 0 && !string.Equals(record.Department, department, StringComparison.Ordinal))
            return PresentationRedemption.Refused("PERMISSION_DENIED", $"presentation {record.Id} is for {record.Department}, not {department}",
                $"持证人指定该亮证码仅供{DepartmentNames.Of(record.Department)}使用，本部门（{DepartmentNames.Of(department)}）不能使用；该码已作废。", record);

        var licence = await licences.WithConsentAsync(record.LicenceNumber, record.Items, requester, cancellationToken);
        if (!licence.Genuine || !string.Equals(licence.Licence.HolderId, record.HolderId, StringComparison.Ordinal))
            return PresentationRedemption.Refused("FAILED_PRECONDITION", $"licence {record.LicenceNumber} of presentation {record.Id} does not verify",
                "证照核验不通过：签发部门的记录与亮证时不符，不能使用。", record);
        if (!licence.Verification.Valid)
            return PresentationRedemption.Refused("FAILED_PRECONDITION", $"licence {record.LicenceNumber} of presentation {record.Id} is {licence.Verification.Outcome}",
                licence.Verification.Outcome == Protos.Licence.V1.VerificationOutcome.Revoked
                    ? $"该证照在亮证后已被签发部门撤销（{licence.Licence.RevocationReason}），亮证码不能使用。"
                    : "该证照已过期，亮证码不能使用。", record);
        return new PresentationRedemption("OK", string.Empty, null, record, licence);
    }

    private async Task ReleaseAsync(string clerkKey, string departmentKey)
    {
        await store.ReleaseAsync(clerkKey);
        await store.ReleaseAsync(departmentKey);
    }

    private static string ValidDepartment(string? department)
    {
        var code = (department ?? string.Empty).Trim().ToUpperInvariant();
        if (code.Length == 0)
            return code;
        if (DepartmentNames.Of(code, string.Empty).Length == 0 || OwnClientCodes.Contains(code))
            throw new InvalidFieldException("counter_department_code", $"'{code}' is not a department with counters; name one such as CIVIL-AFFAIRS, or leave it empty for any counter");
        return code;
    }

    private static List<string> ValidItems(IEnumerable<string> items, Protos.Licence.V1.Licence licence)
    {
        var consent = new List<string>();
        foreach (var raw in items)
        {
            var item = raw.Trim();
            if (!HolderItems.Contains(item, StringComparer.Ordinal) && !licence.DataItems.ContainsKey(item))
                throw new InvalidFieldException("data_items", $"'{item}' is not an item of a {licence.TypeCode} licence; its items are {string.Join(", ", HolderItems.Concat(licence.DataItems.Keys))}");
            if (!consent.Contains(item, StringComparer.Ordinal))
                consent.Add(item);
        }
        return consent.Count > 0 ? consent : throw new InvalidFieldException("data_items", "is empty: name at least one item the holder agrees to show");
    }
}

/// <summary>A code just made: its text (for the holder only), what it stands for, and the licence it is for.</summary>
internal sealed record MadePresentation(string Code, PresentationRecord Record, CheckedLicence Licence);

/// <summary>
/// The outcome of a redemption: OK with the record and the licence under its consent, or a refusal with a status and a
/// reason for the audit record (English, never the code) and a problem for the clerk (Chinese).
/// </summary>
internal sealed record PresentationRedemption(string Status, string Reason, string? Problem, PresentationRecord? Record, CheckedLicence? Licence)
{
    public static PresentationRedemption Refused(string status, string reason, string problem, PresentationRecord? record = null) =>
        new(status, reason, problem, record, null);
}
