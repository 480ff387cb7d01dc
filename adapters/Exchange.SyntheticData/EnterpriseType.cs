namespace Exchange.SyntheticData;

public enum EnterpriseType
{
    /// <summary>有限责任公司</summary>
    LimitedLiabilityCompany = 1,
    /// <summary>股份有限公司</summary>
    JointStockCompany = 2,
    /// <summary>个人独资企业</summary>
    SoleProprietorship = 3,
    /// <summary>合伙企业</summary>
    Partnership = 4,
    /// <summary>个体工商户</summary>
    IndividualBusiness = 5,
    /// <summary>农民专业合作社</summary>
    FarmersCooperative = 6,
}
