namespace Exchange.SyntheticData;

/// <summary>Household registration status (户籍状态).</summary>
public enum ResidentStatus
{
    Normal = 1,
    Deceased = 2,
    /// <summary>Registration cancelled, for example after settling abroad (户口注销).</summary>
    Cancelled = 3,
}
