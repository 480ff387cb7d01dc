namespace Exchange.SyntheticData;

public enum Gender
{
    Male = 1,
    Female = 2,
}
