using Exchange.Adapters.PublicSecurity.Store;
using Exchange.Adapters.Shared;
using Exchange.Adapters.Shared.Gateway;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.ServiceDefaults.Errors;
using Grpc.Core;
using ResidentStatus = Exchange.SyntheticData.ResidentStatus;

namespace Exchange.Adapters.PublicSecurity.Grpc;

internal sealed class PopulationService(ResidentRegister residents) : Protos.PublicSecurity.V1.PopulationService.PopulationServiceBase
{
    private static readonly ResponseDataItems<GetResidentResponse> ResidentItems = new(GetResidentResponse.ResidentFieldNumber);
    private static readonly ResponseDataItems<VerifyIdentityResponse> VerificationItems = new();

    public override async Task<GetResidentResponse> GetResident(GetResidentRequest request, ServerCallContext context)
    {
        var citizenId = IdentifierGuard.CitizenId("citizen_id", request.CitizenId);
        var answer = context.PrepareAnswer(ResidentItems, request.ReadMask);
        var resident = await residents.FindAsync(citizenId, context.CancellationToken)
                       ?? throw new NotFoundException($"No resident with citizen id {citizenId} is registered");
        return answer.Complete(citizenId, new GetResidentResponse { Resident = ToContract(resident) });
    }

    public override async Task<VerifyIdentityResponse> VerifyIdentity(VerifyIdentityRequest request, ServerCallContext context)
    {
        var citizenId = IdentifierGuard.CitizenId("citizen_id", request.CitizenId);
        var name = FieldGuard.Required("name", request.Name);
        var answer = context.PrepareAnswer(VerificationItems);
        var registeredName = await residents.NameOfAsync(citizenId, context.CancellationToken);
        return answer.Complete(citizenId, new VerifyIdentityResponse { Match = string.Equals(registeredName, name, StringComparison.Ordinal) });
    }

    private static Resident ToContract(RegisteredResident resident) => new()
    {
        CitizenId = resident.CitizenId,
        Name = resident.Name,
        Gender = resident.Gender switch
        {
            SyntheticData.Gender.Male => Gender.Male,
            SyntheticData.Gender.Female => Gender.Female,
            _ => Gender.Unspecified,
        },
        BirthDate = IsoDate.Format(resident.BirthDate),
        Ethnicity = resident.Ethnicity,
        RegisteredAddress = resident.RegisteredAddress,
        Status = resident.Status switch
        {
            ResidentStatus.Normal => Protos.PublicSecurity.V1.ResidentStatus.Normal,
            ResidentStatus.Deceased => Protos.PublicSecurity.V1.ResidentStatus.Deceased,
            ResidentStatus.Cancelled => Protos.PublicSecurity.V1.ResidentStatus.Cancelled,
            _ => Protos.PublicSecurity.V1.ResidentStatus.Unspecified,
        },
    };
}
