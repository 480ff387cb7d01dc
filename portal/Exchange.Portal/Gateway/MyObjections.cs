using Exchange.Client;
using Exchange.Labels;
using Exchange.Portal.Identity;
using Exchange.Protos.Objection.V1;
using Exchange.ServiceDefaults.Tls;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Exchange.Portal.Gateway;

/// <summary>One objection of the holder as the portal shows it: on what, why, its state and the provider's answer.</summary>
public sealed record HolderObjection(
    string Id, string Provider, string Resource, IReadOnlyList<string> Items, string Reason, string State, string StateClass,
    string RaisedAt, string DueAt, bool Overdue, string? Answer, string? AnsweredAt);

/// <summary>
/// 数据异议 at the catalog's objection service, with the holder's own access token (it names the catalog as well as the
/// gateway): the catalog takes the holder from the token, so the portal raises and reads objections of the signed-in
/// holder only, whatever a form says.
/// </summary>
public sealed class MyObjections : IDisposable
{
    private readonly GrpcChannel _catalog;

    public MyObjections(IOptions<PortalOptions> options, IOptions<TlsOptions> tls) =>
        _catalog = GrpcChannel.ForAddress(options.Value.CatalogAddress!, new GrpcChannelOptions { HttpHandler = ExchangeTrust.CreateHandler(tls.Value.CaPath) });

    public async Task<IReadOnlyList<HolderObjection>?> ListAsync(HttpContext http)
    {
        if (await OptionsAsync(http) is not { } options)
            return null;
        var answer = await new ObjectionService.ObjectionServiceClient(_catalog).ListObjectionsAsync(new ListObjectionsRequest { View = ObjectionView.Raised }, options);
        return [.. answer.Objections.Select(Of)];
    }

    public async Task<HolderObjection?> RaiseAsync(HttpContext http, string resourceCode, IReadOnlyList<string> items, string reason)
    {
        if (await OptionsAsync(http) is not { } options)
            return null;
        var objection = new Objection { ResourceCode = resourceCode, HolderId = http.User.HolderId(), Reason = reason };
        objection.DataItems.AddRange(items);
        var raised = await new ObjectionService.ObjectionServiceClient(_catalog).RaiseObjectionAsync(new RaiseObjectionRequest { Objection = objection }, options);
        return Of(raised.Objection);
    }

    private static async Task<CallOptions?> OptionsAsync(HttpContext http)
    {
        var token = await http.GetTokenAsync("access_token");
        return string.IsNullOrEmpty(token)
            ? null
            : new CallOptions(new Metadata { { "authorization", "Bearer " + token } }, DateTime.UtcNow.AddSeconds(15), http.RequestAborted);
    }

    private static HolderObjection Of(Objection o)
    {
        var (state, css) = o.State switch
        {
            ObjectionState.Open when o.Overdue => ("已超期未答复", "overdue"),
            ObjectionState.Open => ("处理中", "open"),
            ObjectionState.Corrected => ("已更正", "corrected"),
            ObjectionState.Rejected => ("未予更正", "rejected"),
            _ => ("状态未知", "open"),
        };
        return new HolderObjection(
            o.Id, DepartmentNames.Of(o.ProviderDepartmentCode), DataItemTitles.ResourceName(o.ResourceCode),
            [.. o.DataItems.Select(i => DataItemTitles.Of(o.ResourceCode, i))], o.Reason, state, css,
            o.RaiseTime is null ? string.Empty : BeijingTime.Format(o.RaiseTime.ToDateTimeOffset()),
            o.DueTime is null ? string.Empty : BeijingTime.Format(o.DueTime.ToDateTimeOffset(), "yyyy-MM-dd"),
            o.Overdue,
            o.Answer.Length > 0 ? o.Answer : null,
            o.AnswerTime is null ? null : BeijingTime.Format(o.AnswerTime.ToDateTimeOffset()));
    }

    public void Dispose() => _catalog.Dispose();
}
