using Exchange.Adapters.Shared.Gateway;
using Exchange.Adapters.Shared.Licences;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using Exchange.ServiceDefaults.Errors;
using Grpc.Core;

namespace Exchange.Adapters.Shared.Grpc;

/// <summary>
/// The department's licences over gRPC. Like the department services it runs only behind the exchange-context
/// check and answers only the data items granted in the context (Licence or IssuerKey fields).
/// </summary>
internal sealed class LicenceIssuerService(LicenceRegister register, IssuerKeyRing keys, LicenceSeeding seeding)
    : Protos.Licence.V1.LicenceIssuerService.LicenceIssuerServiceBase
{
    private static readonly ResponseDataItems<ListLicencesResponse> ListItems = new(ListLicencesResponse.LicencesFieldNumber);
    private static readonly ResponseDataItems<GetLicenceResponse> GetItems = new(GetLicenceResponse.LicenceFieldNumber);
    private static readonly ResponseDataItems<RevokeLicenceResponse> RevokeItems = new(RevokeLicenceResponse.LicenceFieldNumber);
    private static readonly ResponseDataItems<ListIssuerKeysResponse> KeyItems = new(ListIssuerKeysResponse.KeysFieldNumber);

    public override async Task<ListLicencesResponse> ListLicences(ListLicencesRequest request, ServerCallContext context)
    {
        var holderId = HolderId(request.HolderId);
        var answer = context.PrepareAnswer(ListItems);
        await seeding.Ready.WaitAsync(context.CancellationToken);
        var response = new ListLicencesResponse();
        response.Licences.AddRange(await register.ListAsync(holderId, context.CancellationToken));
        return answer.Complete(holderId, response);
    }

    public override async Task<GetLicenceResponse> GetLicence(GetLicenceRequest request, ServerCallContext context)
    {
        var number = Number(request.LicenceNumber);
        var answer = context.PrepareAnswer(GetItems);
        await seeding.Ready.WaitAsync(context.CancellationToken);
        var licence = await register.GetAsync(number, context.CancellationToken);
        return answer.Complete(licence.HolderId, new GetLicenceResponse { Licence = licence });
    }

    public override async Task<RevokeLicenceResponse> RevokeLicence(RevokeLicenceRequest request, ServerCallContext context)
    {
        var number = Number(request.LicenceNumber);
        var reason = FieldGuard.Required("reason", request.Reason);
        var answer = context.PrepareAnswer(RevokeItems);
        await seeding.Ready.WaitAsync(context.CancellationToken);
        var licence = await register.RevokeAsync(number, reason, context.CancellationToken);
        return answer.Complete(licence.HolderId, new RevokeLicenceResponse { Licence = licence });
    }

    public override Task<ListIssuerKeysResponse> ListIssuerKeys(ListIssuerKeysRequest request, ServerCallContext context)
    {
        var answer = context.PrepareAnswer(KeyItems);
        var response = new ListIssuerKeysResponse();
        response.Keys.AddRange(keys.PublicKeys());
        return Task.FromResult(answer.Complete(keys.Department, response));
    }

    private static string HolderId(string? value)
    {
        var holder = FieldGuard.Required("holder_id", value).ToUpperInvariant();
        if (Identifiers.CitizenId.IsValid(holder) || Identifiers.UnifiedSocialCreditCode.IsValid(holder))
            return holder;
        var reason = holder.Length == 18 && char.IsDigit(holder[0]) && char.IsDigit(holder[6])
            ? $"is neither a valid citizen id ({Identifiers.CitizenId.Validate(holder).Reason}) nor a valid credit code ({Identifiers.UnifiedSocialCreditCode.Validate(holder).Reason})"
            : "is neither a GB 11643 citizen id nor a GB 32100 unified social credit code";
        throw new InvalidFieldException("holder_id", reason);
    }

    private static string Number(string? value)
    {
        var number = LicenceNumber.Normalise(value);
        return LicenceNumber.Problem(number) is { } problem ? throw new InvalidFieldException("licence_number", problem) : number;
    }
}
