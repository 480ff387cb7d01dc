using Exchange.Adapters.MarketRegulation.Store;
using Exchange.Adapters.Shared;
using Exchange.Adapters.Shared.Gateway;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using CreditList = Exchange.SyntheticData.CreditList;
using EnterpriseStatus = Exchange.SyntheticData.EnterpriseStatus;
using EnterpriseType = Exchange.SyntheticData.EnterpriseType;

namespace Exchange.Adapters.MarketRegulation.Grpc;

internal sealed class EnterpriseService(EnterpriseStore store) : Protos.MarketRegulation.V1.EnterpriseService.EnterpriseServiceBase
{
    private static readonly ResponseDataItems<GetEnterpriseResponse> EnterpriseItems = new(GetEnterpriseResponse.EnterpriseFieldNumber);
    private static readonly ResponseDataItems<VerifyEnterpriseResponse> VerificationItems = new();
    private static readonly ResponseDataItems<GetCreditStatusResponse> CreditStatusItems = new();
    private static readonly ResponseDataItems<ListEnterprisesByRepresentativeResponse> RepresentedItems = new(ListEnterprisesByRepresentativeResponse.EnterprisesFieldNumber);

    public override async Task<ListEnterprisesByRepresentativeResponse> ListEnterprisesByRepresentative(ListEnterprisesByRepresentativeRequest request, ServerCallContext context)
    {
        var citizenId = IdentifierGuard.CitizenId("citizen_id", request.CitizenId);
        var answer = context.PrepareAnswer(RepresentedItems, request.ReadMask);
        var enterprises = await store.Enterprises.AsNoTracking()
            .Where(e => e.LegalRepresentativeCitizenId == citizenId)
            .OrderBy(e => e.CreditCode)
            .ToListAsync(context.CancellationToken);
        var response = new ListEnterprisesByRepresentativeResponse { CitizenId = citizenId };
        response.Enterprises.AddRange(enterprises.Select(ToContract));
        return answer.Complete(citizenId, response);
    }

    public override async Task<GetEnterpriseResponse> GetEnterprise(GetEnterpriseRequest request, ServerCallContext context)
    {
        var creditCode = IdentifierGuard.CreditCode("credit_code", request.CreditCode);
        var answer = context.PrepareAnswer(EnterpriseItems, request.ReadMask);
        var enterprise = await store.Enterprises.AsNoTracking()
                             .SingleOrDefaultAsync(e => e.CreditCode == creditCode, context.CancellationToken)
                         ?? throw NotRegistered(creditCode);
        return answer.Complete(creditCode, new GetEnterpriseResponse { Enterprise = ToContract(enterprise) });
    }

    public override async Task<VerifyEnterpriseResponse> VerifyEnterprise(VerifyEnterpriseRequest request, ServerCallContext context)
    {
        var creditCode = IdentifierGuard.CreditCode("credit_code", request.CreditCode);
        var name = FieldGuard.Required("name", request.Name);
        var answer = context.PrepareAnswer(VerificationItems);
        var registeredName = await store.Enterprises.AsNoTracking()
            .Where(e => e.CreditCode == creditCode)
            .Select(e => e.Name)
            .SingleOrDefaultAsync(context.CancellationToken);
        return answer.Complete(creditCode, new VerifyEnterpriseResponse { Match = string.Equals(registeredName, name, StringComparison.Ordinal) });
    }

    public override async Task<GetCreditStatusResponse> GetCreditStatus(GetCreditStatusRequest request, ServerCallContext context)
    {
        var creditCode = IdentifierGuard.CreditCode("credit_code", request.CreditCode);
        var answer = context.PrepareAnswer(CreditStatusItems, request.ReadMask);
        if (!await store.Enterprises.AsNoTracking().AnyAsync(e => e.CreditCode == creditCode, context.CancellationToken))
            throw NotRegistered(creditCode);

        var listings = await store.CreditListings.AsNoTracking()
            .Where(l => l.CreditCode == creditCode)
            .OrderBy(l => l.ListedDate).ThenBy(l => l.Id)
            .ToListAsync(context.CancellationToken);
        var response = new GetCreditStatusResponse { CreditCode = creditCode };
        foreach (var listing in listings)
        {
            var entry = new CreditListEntry
            {
                Reason = listing.Reason,
                ListedDate = IsoDate.Format(listing.ListedDate),
                RemovedDate = IsoDate.Format(listing.RemovedDate),
                DecidingAuthority = listing.DecidingAuthority,
            };
            (listing.List == CreditList.SeriousViolations ? response.SeriousViolations : response.AbnormalOperations).Add(entry);
        }
        return answer.Complete(creditCode, response);
    }

    private static NotFoundException NotRegistered(string creditCode) =>
        new($"No enterprise with credit code {creditCode} is registered");

    private static Enterprise ToContract(RegisteredEnterprise enterprise) => new()
    {
        CreditCode = enterprise.CreditCode,
        Name = enterprise.Name,
        Type = enterprise.Type switch
        {
            EnterpriseType.LimitedLiabilityCompany => Protos.MarketRegulation.V1.EnterpriseType.LimitedLiabilityCompany,
            EnterpriseType.JointStockCompany => Protos.MarketRegulation.V1.EnterpriseType.JointStockCompany,
            EnterpriseType.SoleProprietorship => Protos.MarketRegulation.V1.EnterpriseType.SoleProprietorship,
            EnterpriseType.Partnership => Protos.MarketRegulation.V1.EnterpriseType.Partnership,
            EnterpriseType.IndividualBusiness => Protos.MarketRegulation.V1.EnterpriseType.IndividualBusiness,
            EnterpriseType.FarmersCooperative => Protos.MarketRegulation.V1.EnterpriseType.FarmersCooperative,
            _ => Protos.MarketRegulation.V1.EnterpriseType.Unspecified,
        },
        LegalRepresentativeName = enterprise.LegalRepresentativeName,
        LegalRepresentativeCitizenId = enterprise.LegalRepresentativeCitizenId,
        RegisteredCapitalYuan = enterprise.RegisteredCapitalYuan,
        EstablishedDate = IsoDate.Format(enterprise.EstablishedDate),
        Address = enterprise.Address,
        BusinessScope = enterprise.BusinessScope,
        Status = enterprise.Status switch
        {
            EnterpriseStatus.Active => Protos.MarketRegulation.V1.EnterpriseStatus.Active,
            EnterpriseStatus.Revoked => Protos.MarketRegulation.V1.EnterpriseStatus.Revoked,
            EnterpriseStatus.Deregistered => Protos.MarketRegulation.V1.EnterpriseStatus.Deregistered,
            _ => Protos.MarketRegulation.V1.EnterpriseStatus.Unspecified,
        },
        RegistrationAuthority = enterprise.RegistrationAuthority,
    };
}
