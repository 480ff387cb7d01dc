using Exchange.Gateway.Grants;
using Exchange.Identifiers;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Gateway.Licences;

/// <summary>
/// The e-licence service's work: finds the issuer of a licence from the catalog, checks the caller's grant for the
/// issuer's e-licence resource, reads through the cache, verifies signatures against the catalog's issuer keys and
/// minimises answers to the granted items. Issuers are asked in parallel; one that fails does not fail the others.
/// </summary>
internal sealed class LicenceBroker(LicenceIssuers issuers, LicenceCache cache, IssuerKeys keys, GrantAuthorizer grants, TimeProvider time)
{
    public async Task<HolderLicences> ListByHolderAsync(string holderId, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var all = issuers.All;
        var answers = await Task.WhenAll(all.Select(issuer => AskAsync(issuer, holderId, requester, cancellationToken)));
        var licences = answers.SelectMany(a => a.Licences).OrderBy(l => l.Licence.LicenceNumber, StringComparer.Ordinal).ToList();
        return new HolderLicences(licences, answers.Select(a => a.Outcome).ToList());
    }

    /// <summary>One licence with its verification; NOT_FOUND when its issuer has no such licence.</summary>
    public async Task<CheckedLicence> GetAsync(string number, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var (issuer, granted) = Authorise(number, requester);
        var (licence, source) = await cache.GetAsync(issuer, number, requester, cancellationToken);
        if (licence is null)
            throw new NotFoundException($"{issuer.Department} has issued no licence {number}; check the number with the holder.");
        return new CheckedLicence(issuer, licence, await VerifyAsync(licence, cancellationToken), granted, source);
    }

    /// <summary>Verifies a QR payload: its signature offline, then its content and status against the issuer's record.</summary>
    public async Task<CheckedLicence> VerifyPayloadAsync(Licence payload, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var (issuer, granted) = Authorise(payload.LicenceNumber, requester);
        var offline = await VerifyAsync(payload, cancellationToken);
        if (!offline.SignatureValid)
            return new CheckedLicence(issuer, payload, offline, granted, CacheSource.Bypass);

        var (record, source) = await cache.GetAsync(issuer, payload.LicenceNumber, requester, cancellationToken);
        if (record is null || !LicenceCanonicalEncoding.Encode(record).AsSpan().SequenceEqual(LicenceCanonicalEncoding.Encode(payload)))
            return new CheckedLicence(issuer, record ?? payload, LicenceVerdicts.Mismatch(record ?? payload, time.GetUtcNow()), granted, source);
        return new CheckedLicence(issuer, record, await VerifyAsync(record, cancellationToken), granted, source);
    }

    /// <summary>Revokes at the issuer; only the issuing department may.</summary>
    public async Task<Licence> RevokeAsync(string number, string reason, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var issuer = IssuerOf(number);
        if (!string.Equals(issuer.Department, requester.Department, StringComparison.Ordinal))
            throw new PermissionDeniedException($"Only the issuer {issuer.Department} may revoke licence {number}; {requester.Department} may not.");
        return await cache.RevokeAsync(issuer, number, reason, requester, cancellationToken);
    }

    private async Task<IssuerAnswer> AskAsync(LicenceIssuer issuer, string holderId, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var outcome = new IssuerOutcome { IssuerDepartmentCode = issuer.Department, ResourceCode = issuer.Resource.Code };
        var decision = grants.Decide(requester.Department, issuer.ListLicences);
        if (!decision.Allowed)
        {
            outcome.Problem = decision.Denial;
            return new IssuerAnswer(outcome, []);
        }
        try
        {
            var (licences, source) = await cache.ListAsync(issuer, holderId, requester, cancellationToken);
            outcome.Answered = true;
            outcome.Cached = source == CacheSource.Hit;
            var valid = new List<CheckedLicence>();
            foreach (var licence in licences)
            {
                var verification = await VerifyAsync(licence, cancellationToken);
                if (verification.Valid)
                    valid.Add(new CheckedLicence(issuer, licence, verification, decision.DataItems, source));
            }
            return new IssuerAnswer(outcome, valid);
        }
        catch (UnavailableException ex)
        {
            outcome.Problem = ex.Message;
            return new IssuerAnswer(outcome, []);
        }
    }

    private (LicenceIssuer Issuer, IReadOnlyList<string> Granted) Authorise(string number, LicenceRequester requester)
    {
        var issuer = IssuerOf(number);
        var decision = grants.Decide(requester.Department, issuer.GetLicence);
        if (!decision.Allowed)
            throw new PermissionDeniedException(decision.Denial);
        return (issuer, decision.DataItems);
    }

    private LicenceIssuer IssuerOf(string number)
    {
        var type = LicenceNumber.TypeCodeOf(number);
        return issuers.ForType(type)
            ?? throw new NotFoundException($"No issuer of licence type {type} is published in the catalog, so licence {number} cannot be looked up.");
    }

    private async Task<Verification> VerifyAsync(Licence licence, CancellationToken cancellationToken)
    {
        var verifier = await keys.VerifierForAsync(licence.SigningKeyId, cancellationToken);
        var now = time.GetUtcNow();
        return LicenceVerdicts.ToMessage(licence, verifier.Verify(licence, DateOnly.FromDateTime(now.UtcDateTime)), now);
    }

    /// <summary>The normalised licence number; INVALID_ARGUMENT naming the field when it is malformed.</summary>
    public static string ValidNumber(string? value, string field = "licence_number")
    {
        var number = LicenceNumber.Normalise(value);
        return LicenceNumber.Problem(number) is { } problem ? throw new InvalidFieldException(field, problem) : number;
    }

    public static string ValidHolder(string? value, string field = "holder_id")
    {
        var holder = HolderIdentifier.Normalise(value);
        return HolderIdentifier.Problem(holder) is { } problem ? throw new InvalidFieldException(field, problem) : holder;
    }

    private sealed record IssuerAnswer(IssuerOutcome Outcome, IReadOnlyList<CheckedLicence> Licences);
}

/// <summary>A licence as the issuer holds it, its verification, the items the caller may see of it, and where it came from.</summary>
internal sealed record CheckedLicence(LicenceIssuer Issuer, Licence Licence, Verification Verification, IReadOnlyList<string> GrantedItems, CacheSource Source)
{
    public Licence ForCaller() => LicenceFields.Minimise(Licence, GrantedItems);
}

internal sealed record HolderLicences(IReadOnlyList<CheckedLicence> Licences, IReadOnlyList<IssuerOutcome> Issuers)
{
    public bool Complete => Issuers.All(i => i.Answered);
}
