namespace Exchange.SyntheticData;

public enum MarriageRegistrationKind
{
    /// <summary>结婚登记</summary>
    Marriage = 1,
    /// <summary>离婚登记</summary>
    Divorce = 2,
}
