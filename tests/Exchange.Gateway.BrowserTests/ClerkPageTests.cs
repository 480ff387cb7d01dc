using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Microsoft.Playwright;

namespace Exchange.Gateway.BrowserTests;

/// <summary>
/// A counter clerk verifies e-licences on the gateway's page, in Chromium, against real issuers. What the page refuses
/// before asking an issuer (sign-in, case numbers, mistyped numbers, unreadable QR codes) is Exchange.Gateway.UnitTests'
/// Clerk/ClerkPageTests, in process.
/// </summary>
public sealed class ClerkPageTests(ClerkPageFixture fixture)
{
    private static readonly SyntheticPopulation Population = SyntheticPopulation.Generate();

    [Fact]
    public async Task A_valid_licence_shows_as_valid_with_its_signature_check_and_QR_code()
    {
        var licence = await fixture.MarriageCertificateAsync(couple: 0);
        var page = await fixture.SignedInPageAsync();

        await LookUpAsync(page, licence.LicenceNumber);

        var card = page.Locator($"[data-testid=licence][data-number='{licence.LicenceNumber}']");
        Assert.Equal("有效", await card.Locator("[data-testid=status]").InnerTextAsync());
        Assert.StartsWith("通过", await card.Locator("[data-testid=signature]").InnerTextAsync());
        Assert.Equal(licence.HolderName, await card.Locator("[data-testid=holder]").InnerTextAsync());
        Assert.Equal("民政厅", await card.Locator("[data-testid=issuer]").InnerTextAsync());
        Assert.StartsWith("data:image/png;base64,", await card.Locator("[data-testid=qr]").GetAttributeAsync("src"));
        await BrowserFixture.ScreenshotAsync(page, "clerk-valid-licence");
    }

    [Fact]
    public async Task A_revoked_licence_shows_as_revoked_with_the_reason()
    {
        var licence = await fixture.MarriageCertificateAsync(couple: 1);
        await fixture.CivilAffairs.RevokeAsync(new RevokeRequest { LicenceNumber = licence.LicenceNumber, Reason = "婚姻登记被依法撤销" });
        var page = await fixture.SignedInPageAsync();

        await LookUpAsync(page, licence.LicenceNumber);

        var card = page.Locator("[data-testid=licence]");
        Assert.Equal("已撤销", await card.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Contains("婚姻登记被依法撤销", await card.Locator("[data-testid=verdict]").InnerTextAsync());
        Assert.StartsWith("通过", await card.Locator("[data-testid=signature]").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "clerk-revoked-licence");
    }

    [Fact]
    public async Task Typed_input_is_trimmed_and_upper_cased()
    {
        var number = (await fixture.MarriageCertificateAsync(couple: 3)).LicenceNumber;
        var page = await fixture.SignedInPageAsync();

        await LookUpAsync(page, $"  {number.ToLowerInvariant()}  ");

        Assert.Equal(1, await page.Locator($"[data-testid=licence][data-number='{number}']").CountAsync());
        Assert.Equal(number, await page.InputValueAsync("[data-testid=query]"));
    }

    [Fact]
    public async Task A_holder_id_lists_the_holders_licences_from_every_issuer()
    {
        var husband = Couples()[4].Husband;
        var page = await fixture.SignedInPageAsync();

        await LookUpAsync(page, husband);

        var cards = page.Locator("[data-testid=licence]");
        Assert.True(await cards.CountAsync() >= 1);
        var issuers = await page.Locator("[data-testid=issuer]").AllInnerTextsAsync();
        Assert.Contains("民政厅", issuers);
        await BrowserFixture.ScreenshotAsync(page, "clerk-holder-licences");
    }

    [Fact]
    public async Task A_scanned_QR_payload_verifies_and_a_forged_one_fails_the_signature_check()
    {
        var licence = await fixture.MarriageCertificateAsync(couple: 5);
        var forged = licence.Clone();
        forged.DataItems["wife_name"] = "冒名顶替";
        var page = await fixture.SignedInPageAsync();

        await LookUpAsync(page, LicenceQrPayload.Encode(licence));
        Assert.Equal("有效", await page.Locator("[data-testid=status]").InnerTextAsync());

        await LookUpAsync(page, LicenceQrPayload.Encode(forged));
        Assert.StartsWith("不通过", await page.Locator("[data-testid=signature]").InnerTextAsync());
        Assert.NotEqual("有效", await page.Locator("[data-testid=status]").InnerTextAsync());
        // Nothing of the forged content is shown: no holder, no items, no QR code to pass on.
        Assert.Equal(0, await page.Locator("[data-testid=holder]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=items]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=qr]").CountAsync());
        Assert.DoesNotContain("冒名顶替", await page.ContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "clerk-forged-qr");
    }

    [Fact]
    public async Task An_identity_card_shows_the_granted_items_and_more_only_under_the_service_item_being_handled()
    {
        // Civil affairs' grant names neither the holder id nor the citizen id of an identity card; the person is who was asked for.
        Licence? card = null;
        var husband = string.Empty;
        foreach (var (candidate, _) in Couples().Skip(6).Take(20))
        {
            card = (await fixture.CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = candidate })).Licences.FirstOrDefault(l => l.TypeCode == "RIDC");
            husband = candidate;
            if (card is not null)
                break;
        }
        Assert.NotNull(card);
        var page = await fixture.SignedInPageAsync();

        await LookUpAsync(page, card.LicenceNumber);
        Assert.Equal("有效", await page.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Equal(card.HolderName, await page.Locator("[data-testid=holder]").InnerTextAsync());
        // Without a service item, what civil affairs' grant names: name, gender, birth date; no citizen id, address or ethnicity.
        var granted = await page.Locator("[data-testid=items]").InnerTextAsync();
        Assert.Contains("出生", granted); // titled as on the card itself
        Assert.DoesNotContain(husband, granted);
        Assert.DoesNotContain("住址", granted);
        Assert.Equal(0, await page.Locator("[data-testid=qr]").CountAsync());

        await page.SelectOptionAsync("[data-testid=service-item]", "CA-MARRIAGE-REGISTRATION");
        await LookUpAsync(page, card.LicenceNumber);
        var items = await page.Locator("[data-testid=items]").InnerTextAsync();
        Assert.Contains(husband, items);
        Assert.DoesNotContain("住址", items);
        Assert.DoesNotContain("民族", items);
        await BrowserFixture.ScreenshotAsync(page, "clerk-service-item");
    }

    /// <summary>A case number as a marriage registry writes it: Chinese, with brackets.</summary>
    internal const string MarriageCase = "民婚字(2026)第12号";

    internal static async Task LookUpAsync(IPage page, string input, string caseNumber = MarriageCase)
    {
        await page.FillAsync("[data-testid=case]", caseNumber);
        // WaitForLoadStateAsync after the click races the new document's events (it once waited 30 s for a
        // DOMContentLoaded that had already fired); a mark on the old document tells the answer page apart.
        await page.EvaluateAsync("() => { window.exchangeAnswerPending = true; }");
        await page.FillAsync("[data-testid=query]", input);
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForFunctionAsync("() => !window.exchangeAnswerPending && document.readyState !== 'loading'");
        await page.Locator("[data-testid=licence], [data-testid=problem], [data-testid=case-problem]").First.WaitForAsync();
    }

    /// <summary>Marriages no divorce ended, between residents married only once: each spouse holds one marriage certificate.</summary>
    internal static List<(string Husband, string Wife)> Couples()
    {
        var registrations = Population.MarriageRegistrations;
        return registrations
            .Where(m => m.Kind == MarriageRegistrationKind.Marriage)
            .Where(m => registrations.Count(o => o.HusbandCitizenId == m.HusbandCitizenId || o.WifeCitizenId == m.WifeCitizenId) == 1)
            .Select(m => (m.HusbandCitizenId, m.WifeCitizenId))
            .ToList();
    }
}
