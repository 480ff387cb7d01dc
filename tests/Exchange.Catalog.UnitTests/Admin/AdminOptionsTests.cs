using Exchange.Catalog.Admin;

namespace Exchange.Catalog.UnitTests.Admin;

public sealed class AdminOptionsTests
{
    private static readonly AdminOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid() => OptionsAssert.Valid(Validator, new AdminOptions());

    [Fact]
    public void Lock_out_and_session_must_be_positive()
    {
        OptionsAssert.Fails(Validator, new AdminOptions { LockoutDuration = TimeSpan.Zero }, "Admin:LockoutDuration must be positive.");
        OptionsAssert.Fails(Validator, new AdminOptions { SessionLifetime = TimeSpan.FromHours(-1) }, "Admin:SessionLifetime must be positive.");
        OptionsAssert.Fails(Validator, new AdminOptions { MaxFailedSignIns = 0 }, "Admin:MaxFailedSignIns must be between 1 and 100.");
    }

    [Fact]
    public void A_gateway_is_named_by_its_index() =>
        OptionsAssert.Fails(Validator, new AdminOptions { Gateways = [new Uri("https://127.0.0.1:7000"), new Uri("gateway-2", UriKind.Relative)] },
            "Admin:Gateways:1 must be an absolute URL");

    [Fact]
    public void An_account_with_a_wrong_role_stops_start_up() =>
        OptionsAssert.Fails(Validator, new AdminOptions { Accounts = { ["zhang"] = new AdminAccountSettings { Password = "x", Role = "root" } } }, "Admin:Accounts:zhang");
}
