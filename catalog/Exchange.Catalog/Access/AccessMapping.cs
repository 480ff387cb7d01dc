using Exchange.Catalog.Store;
using Exchange.Protos.Catalog.V1;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Catalog.Access;

/// <summary>Copies access applications and grants from the store to the contract.</summary>
public static class AccessMapping
{
    public static AccessApplication ToContract(this AccessApplicationRecord record)
    {
        var application = new AccessApplication
        {
            Id = record.Id,
            ConsumerDepartmentCode = record.ConsumerDepartmentCode,
            ResourceCode = record.ResourceCode,
            ProviderDepartmentCode = record.ProviderDepartmentCode,
            Purpose = record.Purpose,
            LegalBasis = record.LegalBasis,
            ValidFrom = Timestamp.FromDateTimeOffset(record.ValidFrom),
            ValidUntil = Timestamp.FromDateTimeOffset(record.ValidUntil),
            State = record.State,
            DecisionReason = record.DecisionReason,
            DecidedBy = record.DecidedBy,
            CreateTime = Timestamp.FromDateTimeOffset(record.CreateTime),
            DecideTime = record.DecideTime is { } decided ? Timestamp.FromDateTimeOffset(decided) : null,
        };
        application.DataItems.Add(record.DataItems);
        return application;
    }

    public static Grant ToGrant(this AccessApplicationRecord record)
    {
        var grant = new Grant
        {
            ApplicationId = record.Id,
            ConsumerDepartmentCode = record.ConsumerDepartmentCode,
            ResourceCode = record.ResourceCode,
            ValidFrom = Timestamp.FromDateTimeOffset(record.ValidFrom),
            ValidUntil = Timestamp.FromDateTimeOffset(record.ValidUntil),
        };
        grant.DataItems.Add(record.DataItems);
        return grant;
    }
}
