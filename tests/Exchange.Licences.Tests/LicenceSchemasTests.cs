using Exchange.Labels;

namespace Exchange.Licences.Tests;

/// <summary>Licence items as the paper certificate shows them: its titles, its order, its units; nothing returned is hidden.</summary>
public sealed class LicenceSchemasTests
{
    [Fact]
    public void Items_come_in_the_certificates_order_whatever_order_they_arrive_in()
    {
        var items = new Dictionary<string, string>
        {
            ["citizen_id"] = "330106198812153739", ["address"] = "浙江省杭州市", ["name"] = "张三", ["gender"] = "男",
            ["birth_date"] = "1988-12-15", ["ethnicity"] = "汉族",
        };

        var arranged = LicenceSchemas.Of("RIDC").Arrange(items);

        Assert.Equal(["姓名", "性别", "民族", "出生", "住址", "公民身份号码"], arranged.Select(i => i.Title));
    }

    [Fact]
    public void Registered_capital_is_shown_in_yuan_with_thousands_grouped()
    {
        var arranged = LicenceSchemas.Of("BLIC").Arrange([new("registered_capital_yuan", "100000")]);

        Assert.Equal(("注册资本", "100,000 元"), arranged.Single());
    }

    [Fact]
    public void A_social_organisation_has_a_business_scope_and_a_name_not_a_persons_name()
    {
        var schema = LicenceSchemas.Of("SORC");

        Assert.Equal("业务范围", schema.TitleOf("business_scope"));
        Assert.Equal("经营范围", LicenceSchemas.Of("BLIC").TitleOf("business_scope"));
        Assert.Equal("名称", schema.HolderTitle);
        Assert.Equal("住所", schema.TitleOf("address"));
    }

    [Fact]
    public void An_item_the_schema_does_not_know_comes_last_under_its_key()
    {
        var arranged = LicenceSchemas.Of("MARC").Arrange([new("remarks", "无"), new("certificate_number", "J330106-2026-000012")]);

        Assert.Equal([("结婚证字号", "J330106-2026-000012"), ("remarks", "无")], arranged);
    }

    [Theory]
    [InlineData("2026-12-05T06:26:16Z", "2026-12-05 14:26:16")]
    [InlineData("2026-12-05T20:00:00Z", "2026-12-06 04:00:00")]
    [InlineData("2026-12-05", "2026-12-05")]
    [InlineData("", "")]
    public void Instants_are_shown_in_Beijing_time_and_dates_as_they_are(string iso, string shown) =>
        Assert.Equal(shown, BeijingTime.FormatIso(iso));

    [Theory]
    [InlineData("", "未认证的调用方")]
    [InlineData("CIVIL-AFFAIRS", "民政厅")]
    [InlineData("NEW-DEPARTMENT", "NEW-DEPARTMENT")]
    public void Departments_are_named(string code, string name) => Assert.Equal(name, DepartmentNames.Of(code));

    [Theory]
    [InlineData("OK", "允许")]
    [InlineData("PERMISSION_DENIED", "拒绝：无授权")]
    [InlineData("UNAUTHENTICATED", "拒绝：未认证")]
    public void Outcomes_are_said_in_Chinese(string status, string said) => Assert.Equal(said, CallOutcomes.Of(status));
}
