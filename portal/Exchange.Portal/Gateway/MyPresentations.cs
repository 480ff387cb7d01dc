using Exchange.Labels;
using Exchange.Protos.Licence.V1;
using QRCoder;

namespace Exchange.Portal.Gateway;

/// <summary>A presentation code just made, as the holder's phone shows it to the clerk.</summary>
public sealed record HolderPresentation(string Code, string QrImage, string ExpiresAt, string Counter, IReadOnlyList<string> Items, string LicenceNumber, string TypeName);

/// <summary>
/// 亮证: asks the gateway for a presentation code with the holder's own token, so the gateway makes it only for a
/// licence of the signed-in holder; the portal holds no right of its own to make one for anybody.
/// </summary>
public sealed class MyPresentations(HolderGatewayCalls gateway)
{
    /// <summary>The departments with counters a holder may name.</summary>
    public static readonly IReadOnlyList<string> Counters = ["PUBLIC-SECURITY", "MARKET-REGULATION", "CIVIL-AFFAIRS"];

    public async Task<HolderPresentation?> MakeAsync(HttpContext http, string licenceNumber, IReadOnlyList<string> items, string? counter)
    {
        if (await gateway.ForHolderAsync(http) is not { } options)
            return null;
        var request = new CreatePresentationRequest { LicenceNumber = licenceNumber, CounterDepartmentCode = counter ?? string.Empty };
        request.DataItems.AddRange(items);
        var made = await new LicenceService.LicenceServiceClient(gateway.Invoker).CreatePresentationAsync(request, options);
        var schema = LicenceSchemas.Of(LicenceTypeOf(made.LicenceNumber));
        // The QR code carries the code's text itself, so a scan at the counter is the same as typing it.
        var qr = "data:image/png;base64," + Convert.ToBase64String(
            new PngByteQRCode(QRCodeGenerator.GenerateQrCode(made.Code, QRCodeGenerator.ECCLevel.M)).GetGraphic(8));
        return new HolderPresentation(
            made.Code, qr, BeijingTime.FormatIso(made.ExpiresAt),
            made.CounterDepartmentCode.Length == 0 ? "任一办事窗口" : DepartmentNames.Of(made.CounterDepartmentCode),
            [.. made.DataItems.Select(schema.TitleOf)], made.LicenceNumber, schema.Name);
    }

    private static string LicenceTypeOf(string number) => number.Length >= 4 ? number[..4] : number;
}
