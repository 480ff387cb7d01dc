using Exchange.Adapters.CivilAffairs.Store;
using Exchange.Adapters.Shared;
using Exchange.Adapters.Shared.Gateway;
using Exchange.Identifiers;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using MarriageRegistrationKind = Exchange.SyntheticData.MarriageRegistrationKind;
using SocialOrganizationStatus = Exchange.SyntheticData.SocialOrganizationStatus;
using SocialOrganizationType = Exchange.SyntheticData.SocialOrganizationType;

namespace Exchange.Adapters.CivilAffairs.Grpc;

internal sealed class CivilAffairsService(CivilAffairsStore store) : Protos.CivilAffairs.V1.CivilAffairsService.CivilAffairsServiceBase
{
    private static readonly ResponseDataItems<GetMarriageRecordsResponse> MarriageItems = new(GetMarriageRecordsResponse.RecordsFieldNumber);
    private static readonly ResponseDataItems<GetSocialOrganizationResponse> OrganizationItems = new(GetSocialOrganizationResponse.SocialOrganizationFieldNumber);

    public override async Task<GetMarriageRecordsResponse> GetMarriageRecords(GetMarriageRecordsRequest request, ServerCallContext context)
    {
        var citizenId = IdentifierGuard.CitizenId("citizen_id", request.CitizenId);
        var answer = context.PrepareAnswer(MarriageItems, request.ReadMask);
        var registrations = await store.Marriages.AsNoTracking()
            .Where(m => m.HusbandCitizenId == citizenId || m.WifeCitizenId == citizenId)
            .OrderBy(m => m.RegisteredDate).ThenBy(m => m.Kind).ThenBy(m => m.CertificateNumber)
            .ToListAsync(context.CancellationToken);

        var response = new GetMarriageRecordsResponse { CitizenId = citizenId };
        foreach (var registration in registrations)
        {
            var isHusband = registration.HusbandCitizenId == citizenId;
            response.Records.Add(new MarriageRecord
            {
                Kind = registration.Kind switch
                {
                    MarriageRegistrationKind.Marriage => MarriageRecordKind.Marriage,
                    MarriageRegistrationKind.Divorce => MarriageRecordKind.Divorce,
                    _ => MarriageRecordKind.Unspecified,
                },
                RegisteredDate = IsoDate.Format(registration.RegisteredDate),
                RegistrationOffice = registration.RegistrationOffice,
                CertificateNumber = registration.CertificateNumber,
                SpouseName = isHusband ? registration.WifeName : registration.HusbandName,
                SpouseMaskedCitizenId = CitizenId.Mask(isHusband ? registration.WifeCitizenId : registration.HusbandCitizenId),
            });
        }
        return answer.Complete(citizenId, response);
    }

    public override async Task<GetSocialOrganizationResponse> GetSocialOrganization(GetSocialOrganizationRequest request, ServerCallContext context)
    {
        var creditCode = IdentifierGuard.CreditCode("credit_code", request.CreditCode);
        var answer = context.PrepareAnswer(OrganizationItems, request.ReadMask);
        var organization = await store.SocialOrganizations.AsNoTracking()
                               .SingleOrDefaultAsync(o => o.CreditCode == creditCode, context.CancellationToken)
                           ?? throw new NotFoundException($"No social organization with credit code {creditCode} is registered");
        return answer.Complete(creditCode, new GetSocialOrganizationResponse { SocialOrganization = ToContract(organization) });
    }

    private static SocialOrganization ToContract(RegisteredSocialOrganization organization) => new()
    {
        CreditCode = organization.CreditCode,
        Name = organization.Name,
        Type = organization.Type switch
        {
            SocialOrganizationType.SocialGroup => Protos.CivilAffairs.V1.SocialOrganizationType.SocialGroup,
            SocialOrganizationType.PrivateNonEnterpriseUnit => Protos.CivilAffairs.V1.SocialOrganizationType.PrivateNonEnterpriseUnit,
            SocialOrganizationType.Foundation => Protos.CivilAffairs.V1.SocialOrganizationType.Foundation,
            _ => Protos.CivilAffairs.V1.SocialOrganizationType.Unspecified,
        },
        LegalRepresentativeName = organization.LegalRepresentativeName,
        LegalRepresentativeCitizenId = organization.LegalRepresentativeCitizenId,
        RegistrationAuthority = organization.RegistrationAuthority,
        RegisteredDate = IsoDate.Format(organization.RegisteredDate),
        Address = organization.Address,
        BusinessScope = organization.BusinessScope,
        Status = organization.Status switch
        {
            SocialOrganizationStatus.Active => Protos.CivilAffairs.V1.SocialOrganizationStatus.Active,
            SocialOrganizationStatus.Revoked => Protos.CivilAffairs.V1.SocialOrganizationStatus.Revoked,
            SocialOrganizationStatus.Deregistered => Protos.CivilAffairs.V1.SocialOrganizationStatus.Deregistered,
            _ => Protos.CivilAffairs.V1.SocialOrganizationStatus.Unspecified,
        },
    };
}
