using System.Globalization;
using Exchange.Gateway.Routing;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Grants;

/// <summary>
/// Decides per call by the resource's share type: unconditional — any authenticated department; conditional —
/// an approved, unrevoked grant whose period contains now; not shared — nobody. The provider department may
/// always call its own resources. Denies by default (an unknown share type is not shared).
/// </summary>
internal sealed class GrantAuthorizer(GrantState grants, TimeProvider time)
{
    public AccessDecision Decide(string consumer, IPublishedMethodFeature method)
    {
        var resource = method.Resource;
        if (string.Equals(consumer, resource.ProviderDepartmentCode, StringComparison.Ordinal))
            return AccessDecision.Allow(method.DataItems);

        switch (resource.ShareType)
        {
            case ShareType.Unconditional:
                return AccessDecision.Allow(method.DataItems);
            case ShareType.Conditional:
                return DecideConditional(consumer, resource);
            default:
                return AccessDecision.Deny(
                    $"{resource.Code} is not shared: only its provider {resource.ProviderDepartmentCode} may call it, so {consumer} cannot be granted access.");
        }
    }

    private AccessDecision DecideConditional(string consumer, Resource resource)
    {
        var entries = grants.Current.For(consumer, resource.Code);
        if (entries is null)
            return AccessDecision.Deny($"{consumer} holds no grant for {resource.Code}; apply for access in the catalog.");

        var now = time.GetUtcNow().UtcTicks;
        GrantEntry? inForce = null;
        List<string>? union = null;
        foreach (var entry in entries)
        {
            if (!entry.IsInForceAt(now))
                continue;
            if (inForce is null)
            {
                inForce = entry;
                continue;
            }
            // Several grants in force at once: the consumer may receive what any of them allows.
            union ??= [.. inForce.DataItems];
            foreach (var item in entry.DataItems)
            {
                if (!union.Contains(item))
                    union.Add(item);
            }
        }
        if (inForce is not null)
            return AccessDecision.Allow(union is null ? inForce.DataItems : union);

        var first = entries[0];
        return now < first.ValidFromTicks
            ? AccessDecision.Deny($"{consumer}'s grant {first.Grant.ApplicationId} for {resource.Code} is not in force until {Format(first.ValidFromTicks)}.")
            : AccessDecision.Deny($"{consumer}'s grant {first.Grant.ApplicationId} for {resource.Code} expired at {Format(first.ValidUntilTicks)}; apply for access again in the catalog.");
    }

    private static string Format(long utcTicks) =>
        new DateTimeOffset(utcTicks, TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
