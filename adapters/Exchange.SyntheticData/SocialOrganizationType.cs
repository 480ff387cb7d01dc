namespace Exchange.SyntheticData;

public enum SocialOrganizationType
{
    /// <summary>社会团体, credit codes starting 51.</summary>
    SocialGroup = 1,
    /// <summary>民办非企业单位, credit codes starting 52.</summary>
    PrivateNonEnterpriseUnit = 2,
    /// <summary>基金会, credit codes starting 53.</summary>
    Foundation = 3,
}
