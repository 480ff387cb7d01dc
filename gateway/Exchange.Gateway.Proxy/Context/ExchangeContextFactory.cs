using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Context;

/// <summary>
/// The exchange context the gateway issues to a provider for one call: who asks (department, case, purpose), for
/// which method and data items, about whom (subject ids) and with which request message (its SHA-256), with a fresh
/// one-time id, valid from now for <see cref="ExchangeContextOptions.Lifetime"/>. One shape for proxied calls and for
/// the gateway's own calls to licence issuers.
/// </summary>
internal sealed class ExchangeContextFactory(TimeProvider time, IOptions<ExchangeContextOptions> options)
{
    private readonly TimeSpan _lifetime = options.Value.Lifetime;

    public Protos.Context.V1.ExchangeContext Create(
        IPublishedMethodFeature method, string requestId, string consumerDepartment, IEnumerable<string> dataItems, string caseNumber, string purpose,
        IEnumerable<string> subjectIds, byte[] requestDigest)
    {
        var now = time.GetUtcNow();
        return new Protos.Context.V1.ExchangeContext
        {
            RequestId = requestId,
            ConsumerDepartmentCode = consumerDepartment,
            ProviderDepartmentCode = method.Resource.ProviderDepartmentCode,
            ResourceCode = method.Resource.Code,
            ResourceVersion = method.Resource.Version,
            Method = method.Path,
            DataItems = { dataItems },
            CaseNumber = caseNumber,
            Purpose = purpose,
            IssueTime = Timestamp.FromDateTimeOffset(now),
            ExpireTime = Timestamp.FromDateTimeOffset(now + _lifetime),
            SubjectIds = { subjectIds },
            RequestDigest = UnsafeByteOperations.UnsafeWrap(requestDigest),
            OneTimeId = UnsafeByteOperations.UnsafeWrap(RandomBlocks.GetBytes(16)),
        };
    }
}
