namespace Exchange.SyntheticData;

/// <summary>The market regulation lists behind joint credit restrictions.</summary>
public enum CreditList
{
    /// <summary>经营异常名录</summary>
    AbnormalOperations = 1,
    /// <summary>严重违法失信名单</summary>
    SeriousViolations = 2,
}
