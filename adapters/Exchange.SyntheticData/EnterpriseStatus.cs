namespace Exchange.SyntheticData;

public enum EnterpriseStatus
{
    /// <summary>存续</summary>
    Active = 1,
    /// <summary>吊销</summary>
    Revoked = 2,
    /// <summary>注销</summary>
    Deregistered = 3,
}
