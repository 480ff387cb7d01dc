using Exchange.Protos.Licence.V1;

namespace Exchange.Licences.Tests;

/// <summary>
/// The licence grant matrix as a pure rule: consumer × licence type × (grant / no grant / service item) → the items
/// returned. The grants and materials are those the catalog seeds (SeedGrants, SeedServiceItems).
/// </summary>
public sealed class LicenceDisclosureTests
{
    // Civil affairs' grant on PS-ELICENCE names what its PS-RESIDENT-BASIC grant names: no address, ethnicity or citizen id.
    private static readonly string[] CivilAffairsGrant = ["RIDC.holder_name", "RIDC.name", "RIDC.gender", "RIDC.birth_date"];
    private static readonly string[] MarketRegulationGrant = ["RIDC.holder_id", "RIDC.holder_name", "RIDC.name", "RIDC.citizen_id"];
    private static readonly string[] NoGrant = [];
    private static readonly string[] IdentityMaterial = ["holder_id", "holder_name", "name", "gender", "birth_date", "citizen_id"];
    private static readonly string[] MarriageMaterial = ["holder_id", "holder_name", "certificate_number", "registration_date", "husband_name", "husband_citizen_id", "wife_name", "wife_citizen_id"];

    public static TheoryData<string, string, string, string[], string[]?, bool, string> Matrix => new()
    {
        // consumer, type, basis, grant, service item material items, may use, items returned (holder fields and data items)
        { "CIVIL-AFFAIRS", "RIDC", "grant", CivilAffairsGrant, null, true, "holder_name,birth_date,gender,name" },
        { "CIVIL-AFFAIRS", "RIDC", "service item", CivilAffairsGrant, IdentityMaterial, true, "holder_id,holder_name,birth_date,citizen_id,gender,name" },
        { "MARKET-REGULATION", "RIDC", "grant", MarketRegulationGrant, null, true, "holder_id,holder_name,citizen_id,name" },
        { "MARKET-REGULATION", "MARC", "no grant", MarketRegulationGrant, null, false, "" },
        { "MARKET-REGULATION", "MARC", "no grant", NoGrant, null, false, "" },
        { "PUBLIC-SECURITY", "MARC", "no grant", NoGrant, null, false, "" },
        { "PUBLIC-SECURITY", "MARC", "service item", NoGrant, MarriageMaterial, true, "holder_id,holder_name,certificate_number,husband_citizen_id,husband_name,registration_date,wife_citizen_id,wife_name" },
        { "PUBLIC-SECURITY", "RIDC", "service item of another type", NoGrant, [], false, "" },
        { "CIVIL-AFFAIRS", "BLIC", "no grant", CivilAffairsGrant, null, false, "" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Grant_or_service_item_decides_the_items_of_each_licence_type(
        string consumer, string type, string basis, string[] grant, string[]? materialItems, bool mayUse, string returned)
    {
        // A service item whose materials are of another type lends nothing for this one.
        var material = basis == "service item of another type" ? null : materialItems;

        var disclosure = LicenceDisclosure.For(type, grant, material);
        var shown = disclosure.Apply(Sample(type));

        Assert.True(mayUse == disclosure.MayUse, $"{consumer} × {type} × {basis}");
        Assert.Equal(returned, Returned(shown));
        Assert.Equal(Sample(type).LicenceNumber, shown.LicenceNumber);
    }

    [Fact]
    public void The_civil_affairs_grant_withholds_address_ethnicity_citizen_id_and_the_holder_id()
    {
        var shown = LicenceDisclosure.For("RIDC", CivilAffairsGrant, null).Apply(Sample("RIDC"));

        Assert.DoesNotContain("address", shown.DataItems.Keys);
        Assert.DoesNotContain("ethnicity", shown.DataItems.Keys);
        Assert.DoesNotContain("citizen_id", shown.DataItems.Keys);
        Assert.Equal(string.Empty, shown.HolderId);
        Assert.True(shown.Signature.IsEmpty);
        Assert.Equal(string.Empty, shown.SigningKeyId);
    }

    [Fact]
    public void A_presented_licence_without_grant_answers_validity_type_issuer_holder_name_and_dates_only()
    {
        var licence = Sample("MARC");

        var shown = LicenceDisclosure.FactsOnly("MARC").Apply(licence);

        Assert.False(LicenceDisclosure.FactsOnly("MARC").MayUse);
        Assert.Equal(licence.HolderName, shown.HolderName);
        Assert.Equal(licence.TypeCode, shown.TypeCode);
        Assert.Equal(licence.IssuerDepartmentCode, shown.IssuerDepartmentCode);
        Assert.Equal(licence.IssueDate, shown.IssueDate);
        Assert.Equal(licence.ExpiryDate, shown.ExpiryDate);
        Assert.Equal(licence.Status, shown.Status);
        Assert.Empty(shown.DataItems);
        Assert.Equal(string.Empty, shown.HolderId);
        Assert.True(shown.Signature.IsEmpty);
    }

    [Fact]
    public void Only_the_whole_licence_keeps_its_signature()
    {
        var licence = Sample("MARC");
        var all = LicenceDisclosure.For("MARC", ["MARC.holder_id", "MARC.holder_name", .. licence.DataItems.Keys.Select(k => $"MARC.{k}")], null);

        Assert.True(all.Covers(licence));
        Assert.Same(licence, all.Apply(licence));
        Assert.Same(licence, LicenceDisclosure.Whole("MARC").Apply(licence));
        Assert.False(LicenceDisclosure.For("MARC", [], MarriageMaterial).Covers(licence));
    }

    [Fact]
    public void Grant_items_of_another_type_or_without_a_type_do_not_count()
    {
        var disclosure = LicenceDisclosure.For("MARC", ["RIDC.name", "name", "MARC.", "MARCX.wife_name"], null);

        Assert.False(disclosure.MayUse);
        Assert.Empty(disclosure.Items);
    }

    [Fact]
    public void The_audit_record_names_the_returned_items_qualified_by_type()
    {
        var returned = LicenceDisclosure.For("RIDC", MarketRegulationGrant, null).Returned(Sample("RIDC"));

        Assert.Equal("RIDC.holder_id,RIDC.holder_name,RIDC.citizen_id,RIDC.name", returned);
    }

    private static string Returned(Licence shown)
    {
        var names = new List<string>();
        if (shown.HolderId.Length > 0)
            names.Add("holder_id");
        if (shown.HolderName.Length > 0)
            names.Add("holder_name");
        names.AddRange(shown.DataItems.Keys.Order(StringComparer.Ordinal));
        return string.Join(',', names);
    }

    private static Licence Sample(string type)
    {
        var licence = new Licence
        {
            LicenceNumber = type + "111100000000130017000000016",
            TypeCode = type,
            HolderId = "330106198812153739",
            HolderName = "郭建平",
            IssuerDepartmentCode = type == "RIDC" ? "PUBLIC-SECURITY" : type == "BLIC" ? "MARKET-REGULATION" : "CIVIL-AFFAIRS",
            IssuerCreditCode = "11110000000015003U",
            IssueDate = "2013-01-20",
            ExpiryDate = type == "RIDC" ? "2033-01-20" : string.Empty,
            Status = LicenceStatus.Valid,
            SigningKeyId = "key-1",
            SignatureAlgorithm = SignatureAlgorithm.EcdsaP256Sha256,
            Signature = Google.Protobuf.ByteString.CopyFrom(1, 2, 3),
        };
        var items = type switch
        {
            "RIDC" => new Dictionary<string, string>
            {
                ["name"] = "郭建平", ["gender"] = "男", ["ethnicity"] = "汉", ["birth_date"] = "1988-12-15",
                ["address"] = "浙江省杭州市西湖区", ["citizen_id"] = "330106198812153739",
            },
            "MARC" => new Dictionary<string, string>
            {
                ["certificate_number"] = "J330106-2013-000038", ["registration_date"] = "2013-01-20", ["registration_office"] = "西湖区婚姻登记处",
                ["husband_name"] = "郭建平", ["husband_citizen_id"] = "330106198812153739", ["wife_name"] = "李梅", ["wife_citizen_id"] = "420106198511225649",
            },
            _ => new Dictionary<string, string> { ["name"] = "某公司", ["credit_code"] = "91330106MALC7YCP9L" },
        };
        licence.DataItems.Add(items);
        return licence;
    }
}
