namespace Exchange.Labels;

/// <summary>The outcome of a call (a gRPC status name as the audit log keeps it) in the words an inspector uses.</summary>
public static class CallOutcomes
{
    public static string Of(string? status) => status switch
    {
        "OK" or "" or null => "允许",
        "PERMISSION_DENIED" => "拒绝：无授权",
        "UNAUTHENTICATED" => "拒绝：未认证",
        "INVALID_ARGUMENT" => "拒绝：请求无效",
        "RESOURCE_EXHAUSTED" => "拒绝：超过调用频率",
        "FAILED_PRECONDITION" => "拒绝：条件不满足",
        "NOT_FOUND" => "未找到",
        "UNAVAILABLE" => "失败：提供方不可用",
        "DEADLINE_EXCEEDED" => "失败：超时",
        "CANCELLED" => "已取消",
        _ => "失败：" + status,
    };

    /// <summary>Whether the call was let through (the badge is green).</summary>
    public static bool Allowed(string? status) => status is "OK" or "" or null;
}
