using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;

namespace Exchange.Gateway.Licences.Facts;

/// <summary>
/// The shared records the material rules look at, read for one check under the handling department's grants. Each
/// record is read at most once per check, however many rules ask for it.
/// </summary>
internal interface IFactSource
{
    Task<SharedFact<Resident>> ResidentAsync(string citizenId, CancellationToken cancellationToken);

    Task<SharedFact<IReadOnlyList<MarriageRecord>>> MarriageRecordsAsync(string citizenId, CancellationToken cancellationToken);

    Task<SharedFact<IReadOnlyList<Enterprise>>> RepresentedEnterprisesAsync(string citizenId, CancellationToken cancellationToken);

    Task<SharedFact<GetCreditStatusResponse>> CreditStatusAsync(string creditCode, CancellationToken cancellationToken);

    Task<SharedFact<Enterprise>> EnterpriseAsync(string creditCode, CancellationToken cancellationToken);

    Task<SharedFact<SocialOrganization>> SocialOrganizationAsync(string creditCode, CancellationToken cancellationToken);
}
