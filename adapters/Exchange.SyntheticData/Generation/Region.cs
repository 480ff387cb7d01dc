namespace Exchange.SyntheticData.Generation;

/// <summary>A county-level district (区) with its GB/T 2260 code and some of its real streets.</summary>
internal sealed record Region(
    string Code,
    string Province,
    string City,
    string District,
    string CityShort,
    string DistrictShort,
    IReadOnlyList<string> Streets)
{
    private bool IsMunicipality => Province == City;

    /// <summary>The start of a full address: 浙江省杭州市西湖区, or 北京市朝阳区 for a municipality.</summary>
    public string AddressPrefix => IsMunicipality ? City + District : Province + City + District;

    public string CityAndDistrict => City + District;

    public string ProvinceCode => string.Concat(Code.AsSpan(0, 2), "0000");

    /// <summary>Foundations register at province level: a province's 民政厅, a municipality's 民政局.</summary>
    public string ProvinceCivilAffairsAuthority => IsMunicipality ? Province + "民政局" : Province + "民政厅";
}
