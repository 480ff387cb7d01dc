using Exchange.Gateway.Licences.Presentations;
using Exchange.Identifiers;
using Exchange.Licences;

namespace Exchange.Gateway.Licences.Clerk;

/// <summary>What a clerk typed or scanned, read the forgiving way (trimmed, upper-cased except a QR payload), or why it cannot be read.</summary>
internal sealed record ClerkQuery(ClerkQueryKind Kind, string Value, string? Problem)
{
    public static ClerkQuery Parse(string? input)
    {
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
            return Invalid(text, "请输入证照编号、扫描证照二维码或亮证码，或输入身份证号 / 统一社会信用代码。");
        if (LicenceQrPayload.IsPayload(text))
            return new ClerkQuery(ClerkQueryKind.QrPayload, text, null);
        // A presentation code, typed or scanned from the holder's phone (its QR code carries the same text).
        var code = PresentationCode.Normalise(text);
        if (PresentationCode.LooksLike(code))
            return new ClerkQuery(ClerkQueryKind.PresentationCode, PresentationCode.Format(code), null);

        var upper = text.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (upper.Length == LicenceNumber.Length)
        {
            return LicenceNumber.Problem(upper) is { } problem
                ? Invalid(upper, NumberProblem(upper, problem))
                : new ClerkQuery(ClerkQueryKind.LicenceNumber, upper, null);
        }
        if (upper.Length == 18)
        {
            return HolderIdentifier.Problem(upper) is null
                ? new ClerkQuery(ClerkQueryKind.HolderId, upper, null)
                : Invalid(upper, "身份证号或统一社会信用代码有误：校验位或编码规则不符，请核对后重新输入。");
        }
        return Invalid(upper, $"无法识别的输入（{upper.Length} 位）：证照编号为 31 位，身份证号和统一社会信用代码为 18 位，亮证码为 {PresentationCode.Length} 位，证照二维码内容以 {LicenceQrPayload.Prefix} 开头。");
    }

    private static ClerkQuery Invalid(string value, string problem) => new(ClerkQueryKind.Invalid, value, problem);

    private static string NumberProblem(string number, string problem)
    {
        if (number.AsSpan().IndexOfAnyExcept("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") >= 0)
            return "证照编号有误：只能包含数字和大写字母。";
        if (problem.Contains("check character", StringComparison.Ordinal))
            return "证照编号有误：校验位不符，可能输错了某一位，请核对后重新输入。";
        if (problem.Contains("issuer credit code", StringComparison.Ordinal))
            return "证照编号有误：其中的发证机关统一社会信用代码（第 5–22 位）无效。";
        return "证照编号有误：流水号（第 23–30 位）应为数字。";
    }
}

internal enum ClerkQueryKind
{
    Invalid,
    LicenceNumber,
    QrPayload,
    HolderId,
    PresentationCode,
}
