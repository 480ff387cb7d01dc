namespace Exchange.Gateway.Licences.Rules;

/// <summary>The catalog's service items that the rules name.</summary>
internal static class ServiceItemCodes
{
    public const string MarriageRegistration = "CA-MARRIAGE-REGISTRATION";
    public const string EnterpriseEstablishment = "MR-ENTERPRISE-ESTABLISHMENT";
    public const string EnterpriseChange = "MR-ENTERPRISE-CHANGE-REGISTRATION";
    public const string SocialOrganisationEstablishment = "CA-SOCIAL-ORGANIZATION-ESTABLISHMENT";
}
