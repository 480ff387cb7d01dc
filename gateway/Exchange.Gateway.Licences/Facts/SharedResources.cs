namespace Exchange.Gateway.Licences.Facts;

/// <summary>The catalog resources the material rules read, and the method of each that answers them.</summary>
internal static class SharedResources
{
    public const string Residents = "PS-RESIDENT-BASIC";
    public const string MarriageRecords = "CA-MARRIAGE-RECORDS";
    public const string EnterpriseBasic = "MR-ENTERPRISE-BASIC";
    public const string CreditStatus = "MR-CREDIT-STATUS";
    public const string RepresentedEnterprises = "MR-REPRESENTED-ENTERPRISES";
    public const string SocialOrganizations = "CA-SOCIAL-ORGANIZATION";
}
