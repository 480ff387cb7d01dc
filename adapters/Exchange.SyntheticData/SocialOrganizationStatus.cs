namespace Exchange.SyntheticData;

public enum SocialOrganizationStatus
{
    Active = 1,
    Revoked = 2,
    Deregistered = 3,
}
