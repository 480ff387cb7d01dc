using Exchange.Labels;
using Exchange.Protos.Licence.V1;
using Grpc.Core;

namespace Exchange.Portal.Gateway;

/// <summary>One licence as the holder sees it in the portal: what it is, who issued it, whether it is in force and, if not, why.</summary>
public sealed record HolderLicence(
    string Number, string TypeName, string HolderName, string Issuer, string IssueDate, string ExpiryDate,
    LicenceStatus Status, string StatusText, string? Why, IReadOnlyList<(string Title, string Value)> Items)
{
    /// <summary>The issuer's e-licence resource in the catalog, for an objection to the licence's data; empty when unknown.</summary>
    public string Resource { get; init; } = string.Empty;

    /// <summary>The items as the e-licence resource names them (RIDC.address), for an objection.</summary>
    public string QualifiedItems => string.Join(',', Shareable.Select(s => Number[..4] + "." + s.Key));

    /// <summary>What the holder may choose to show with a presentation code: the licence's items in the certificate's order.</summary>
    public IReadOnlyList<(string Key, string Title)> Shareable { get; init; } = [];

    public static HolderLicence Of(Licence licence)
    {
        var schema = LicenceSchemas.Of(licence.TypeCode);
        var (text, why) = licence.Status switch
        {
            LicenceStatus.Valid => ("有效", (string?)null),
            LicenceStatus.Revoked => ("已注销", $"{BeijingTime.FormatIso(licence.RevokedAt)} 由{DepartmentNames.Of(licence.IssuerDepartmentCode)}注销：{licence.RevocationReason}"),
            LicenceStatus.Expired => ("已过期", $"有效期至 {licence.ExpiryDate}，已过期"),
            _ => ("状态未知", null),
        };
        return new HolderLicence(licence.LicenceNumber, schema.Name, licence.HolderName, DepartmentNames.Of(licence.IssuerDepartmentCode),
            licence.IssueDate, licence.ExpiryDate, licence.Status, text, why, schema.Arrange(licence.DataItems))
        {
            Shareable = [.. schema.Items.Where(i => licence.DataItems.ContainsKey(i.Key)).Select(i => (i.Key, i.Title))],
        };
    }
}

/// <summary>Every licence of the signed-in holder across issuers, and the issuers that did not answer.</summary>
public sealed record HolderLicences(IReadOnlyList<HolderLicence> Licences, IReadOnlyList<string> SilentIssuers);

/// <summary>Asks the gateway's licence service for the signed-in holder's licences, valid or not.</summary>
public sealed class MyLicences(HolderGatewayCalls gateway)
{
    public async Task<HolderLicences?> ListAsync(HttpContext http, string holderId)
    {
        if (await gateway.ForHolderAsync(http) is not { } options)
            return null;
        var client = new LicenceService.LicenceServiceClient(gateway.Invoker);
        var answer = await client.ListByHolderAsync(new ListByHolderRequest { HolderId = holderId }, options);
        var silent = answer.Issuers.Where(i => !i.Answered && i.Problem.Length > 0 && !i.Problem.Contains("grant", StringComparison.OrdinalIgnoreCase))
            .Select(i => DepartmentNames.Of(i.IssuerDepartmentCode)).ToList();
        var resources = answer.Issuers.GroupBy(i => i.IssuerDepartmentCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().ResourceCode, StringComparer.Ordinal);
        var licences = answer.Licences
            .OrderBy(l => l.Status == LicenceStatus.Valid ? 0 : 1)
            .ThenBy(l => l.LicenceNumber, StringComparer.Ordinal)
            .Select(l => HolderLicence.Of(l) with { Resource = resources.GetValueOrDefault(l.IssuerDepartmentCode, string.Empty) }).ToList();
        return new HolderLicences(licences, silent);
    }
}
