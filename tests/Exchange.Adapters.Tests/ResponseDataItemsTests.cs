using Exchange.Adapters.Shared.Gateway;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Adapters.Tests;

/// <summary>Minimisation over the real generated department messages.</summary>
public sealed class ResponseDataItemsTests
{
    private static readonly ResponseDataItems<GetResidentResponse> ResidentItems = new(GetResidentResponse.ResidentFieldNumber);
    private static readonly ResponseDataItems<GetMarriageRecordsResponse> MarriageItems = new(GetMarriageRecordsResponse.RecordsFieldNumber);
    private static readonly ResponseDataItems<GetCreditStatusResponse> CreditStatusItems = new();
    private static readonly ResponseDataItems<GetEnterpriseResponse> EnterpriseItems = new(GetEnterpriseResponse.EnterpriseFieldNumber);
    private static readonly ResponseDataItems<VerifyIdentityResponse> VerificationItems = new();

    [Fact]
    public void The_data_items_are_the_record_fields_as_the_catalog_names_them()
    {
        Assert.Equal(["citizen_id", "name", "gender", "birth_date", "ethnicity", "registered_address", "status"], ResidentItems.Names);
        Assert.Equal(
            ["citizen_id", "kind", "registered_date", "registration_office", "certificate_number", "spouse_name", "spouse_masked_citizen_id"],
            MarriageItems.Names);
        Assert.Equal(["credit_code", "abnormal_operations", "serious_violations"], CreditStatusItems.Names);
        Assert.Equal(["match"], VerificationItems.Names);
        Assert.Equal("Resident", ResidentItems.RecordName);
    }

    [Fact]
    public void Only_granted_items_stay_when_the_mask_is_empty()
    {
        var response = new GetResidentResponse { Resident = FullResident() };

        var selection = ResidentItems.Select(["name", "gender"], new FieldMask());
        ResidentItems.Minimise(response, selection);

        Assert.Equal(new Resident { Name = "郭建平", Gender = Gender.Male }, response.Resident);
        Assert.Equal("name,gender", ResidentItems.NameList(selection));
    }

    [Fact]
    public void The_lookup_key_goes_out_only_when_granted()
    {
        var withKey = new GetResidentResponse { Resident = FullResident() };
        var withoutKey = new GetResidentResponse { Resident = FullResident() };

        ResidentItems.Minimise(withKey, ResidentItems.Select(["citizen_id", "name"], null));
        ResidentItems.Minimise(withoutKey, ResidentItems.Select(["name"], null));

        Assert.Equal("330106198812153739", withKey.Resident.CitizenId);
        Assert.Equal(string.Empty, withoutKey.Resident.CitizenId);
    }

    [Fact]
    public void A_read_mask_narrows_the_grant_and_cannot_widen_it()
    {
        var response = new GetResidentResponse { Resident = FullResident() };

        var selection = ResidentItems.Select(["name", "birth_date", "gender"], new FieldMask { Paths = { "name", "registered_address" } });
        ResidentItems.Minimise(response, selection);

        Assert.Equal(new Resident { Name = "郭建平" }, response.Resident);
        Assert.Equal("name", ResidentItems.NameList(selection));
    }

    [Fact]
    public void A_read_mask_path_that_is_no_data_item_is_rejected_by_name()
    {
        var ex = Assert.Throws<InvalidFieldException>(() =>
            ResidentItems.Select(["name"], new FieldMask { Paths = { "name", "resident.name" } }));

        Assert.Equal("read_mask", ex.Field);
        Assert.Contains("'resident.name'", ex.Reason);
        Assert.Contains("Resident", ex.Reason);
    }

    [Fact]
    public void A_read_mask_naming_an_item_of_another_method_is_rejected()
    {
        // The MR-ENTERPRISE-BASIC grant includes match (for VerifyEnterprise); GetEnterprise ignores it in the
        // grant but refuses it in a mask, where it can only be a caller's mistake.
        var selection = EnterpriseItems.Select(["name", "match"], null);
        var ex = Assert.Throws<InvalidFieldException>(() => EnterpriseItems.Select(["name", "match"], new FieldMask { Paths = { "match" } }));

        Assert.Equal("name", EnterpriseItems.NameList(selection));
        Assert.Contains("'match'", ex.Reason);
    }

    [Fact]
    public void Every_repeated_record_is_minimised_and_response_level_items_too()
    {
        var response = new GetMarriageRecordsResponse
        {
            CitizenId = "110108197401081352",
            Records =
            {
                Marriage(MarriageRecordKind.Marriage, "2000-05-20", "BJ-2000-1"),
                Marriage(MarriageRecordKind.Divorce, "2008-11-03", "BJ-2008-7"),
                Marriage(MarriageRecordKind.Marriage, "2012-02-14", "BJ-2012-3"),
            },
        };

        var selection = MarriageItems.Select(["citizen_id", "kind", "registered_date", "spouse_name"], new FieldMask { Paths = { "kind", "registered_date" } });
        MarriageItems.Minimise(response, selection);

        Assert.Equal(string.Empty, response.CitizenId);
        Assert.Equal(
            [
                new MarriageRecord { Kind = MarriageRecordKind.Marriage, RegisteredDate = "2000-05-20" },
                new MarriageRecord { Kind = MarriageRecordKind.Divorce, RegisteredDate = "2008-11-03" },
                new MarriageRecord { Kind = MarriageRecordKind.Marriage, RegisteredDate = "2012-02-14" },
            ],
            response.Records);
        Assert.Equal("kind,registered_date", MarriageItems.NameList(selection));
    }

    [Fact]
    public void Lists_that_are_not_granted_are_emptied()
    {
        var entry = new CreditListEntry { Reason = "通过登记的住所无法联系", ListedDate = "2024-03-01", DecidingAuthority = "上海市浦东新区市场监督管理局" };
        var response = new GetCreditStatusResponse
        {
            CreditCode = "91310115DJ82CHG7TJ",
            AbnormalOperations = { entry },
            SeriousViolations = { entry.Clone() },
        };

        CreditStatusItems.Minimise(response, CreditStatusItems.Select(["credit_code", "serious_violations"], null));

        Assert.Equal("91310115DJ82CHG7TJ", response.CreditCode);
        Assert.Empty(response.AbnormalOperations);
        Assert.Equal([entry], response.SeriousViolations);
    }

    [Fact]
    public void A_full_grant_leaves_the_response_untouched()
    {
        var response = new GetResidentResponse { Resident = FullResident() };

        ResidentItems.Minimise(response, ResidentItems.Select(ResidentItems.Names, null));

        Assert.Equal(FullResident(), response.Resident);
    }

    [Fact]
    public void Nothing_granted_leaves_an_empty_record()
    {
        var response = new VerifyIdentityResponse { Match = true };

        var selection = VerificationItems.Select([], null);
        VerificationItems.Minimise(response, selection);

        Assert.False(response.Match);
        Assert.Equal(string.Empty, VerificationItems.NameList(selection));
    }

    [Fact]
    public void A_record_field_that_holds_no_message_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ResponseDataItems<GetMarriageRecordsResponse>(GetMarriageRecordsResponse.CitizenIdFieldNumber));
        Assert.Throws<ArgumentException>(() => new ResponseDataItems<GetResidentResponse>(99));
    }

    private static Resident FullResident() => new()
    {
        CitizenId = "330106198812153739",
        Name = "郭建平",
        Gender = Gender.Male,
        BirthDate = "1988-12-15",
        Ethnicity = "汉族",
        RegisteredAddress = "浙江省杭州市西湖区文三路 1 号",
        Status = ResidentStatus.Normal,
    };

    private static MarriageRecord Marriage(MarriageRecordKind kind, string date, string certificate) => new()
    {
        Kind = kind,
        RegisteredDate = date,
        RegistrationOffice = "北京市海淀区民政局婚姻登记处",
        CertificateNumber = certificate,
        SpouseName = "王芳",
        SpouseMaskedCitizenId = "110108********2028",
    };
}
