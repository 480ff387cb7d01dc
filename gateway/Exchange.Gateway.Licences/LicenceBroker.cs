using Exchange.Identifiers;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Gateway.Licences;

/// <summary>
/// The e-licence service's work: finds the issuer of a licence from the catalog, decides per licence type what the
/// caller may use and see (<see cref="LicenceAdmission"/>), reads through the cache, verifies signatures against the
/// catalog's issuer keys and minimises answers to that. Issuers are asked in parallel; one that fails does not fail the
/// others.
/// </summary>
internal sealed class LicenceBroker(LicenceIssuers issuers, LicenceCache cache, IssuerKeys keys, LicenceAdmission admission, TimeProvider time)
    : Presentations.IPresentationLicences, IHolderLicenceSource
{
    public async Task<HolderLicences> ListByHolderAsync(string holderId, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var all = issuers.All;
        var answers = await Task.WhenAll(all.Select(issuer => AskAsync(issuer, holderId, requester, cancellationToken)));
        var licences = answers.SelectMany(a => a.Licences).OrderBy(l => l.Licence.LicenceNumber, StringComparer.Ordinal).ToList();
        return new HolderLicences(licences, answers.Select(a => a.Outcome).ToList(), answers.Where(a => !a.Denied && !a.Outcome.Answered).Select(a => a.Outcome).ToList())
        {
            Lapsed = [.. answers.SelectMany(a => a.Lapsed).OrderBy(l => l.Licence.LicenceNumber, StringComparer.Ordinal)],
        };
    }

    /// <summary>One licence, any status, with its verification; PERMISSION_DENIED for a type the caller may not use, NOT_FOUND when its issuer has no such licence.</summary>
    public async Task<CheckedLicence> GetAsync(string number, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var issuer = IssuerOf(number);
        var disclosure = admission.For(issuer, LicenceNumber.TypeCodeOf(number), requester);
        if (!disclosure.MayUse)
            throw new PermissionDeniedException(LicenceAdmission.Denial(issuer, disclosure.TypeCode, requester));
        return await LookUpAsync(issuer, number, disclosure, requester, cancellationToken);
    }

    /// <summary>
    /// Verifies a licence number the holder presents: to a caller that may use its type, with the items it may see (and
    /// the holder's name); to any other, validity, type, issuer, holder name and dates only.
    /// </summary>
    public async Task<CheckedLicence> VerifyNumberAsync(string number, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var issuer = IssuerOf(number);
        return await LookUpAsync(issuer, number, Presented(issuer, LicenceNumber.TypeCodeOf(number), requester), requester, cancellationToken);
    }

    /// <summary>
    /// Verifies a QR payload: its signature offline, then its content and status against the issuer's record. A payload
    /// that is not genuine is answered with its verdict only; the issuer is not asked for a licence whose signature fails.
    /// </summary>
    public async Task<CheckedLicence> VerifyPayloadAsync(Licence payload, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var issuer = IssuerOf(payload.LicenceNumber);
        var disclosure = Presented(issuer, LicenceNumber.TypeCodeOf(payload.LicenceNumber), requester);
        var offline = await VerifyAsync(payload, cancellationToken);
        if (!offline.SignatureValid)
            return new CheckedLicence(issuer, payload, offline, disclosure, CacheSource.Bypass);

        var (record, source) = await cache.GetAsync(issuer, payload.LicenceNumber, requester, cancellationToken);
        if (record is null || !LicenceCanonicalEncoding.Encode(record).AsSpan().SequenceEqual(LicenceCanonicalEncoding.Encode(payload)))
            return new CheckedLicence(issuer, payload, LicenceVerdicts.Mismatch(record ?? payload, time.GetUtcNow()), disclosure, source);
        return new CheckedLicence(issuer, record, await VerifyAsync(record, cancellationToken), disclosure, source);
    }

    /// <summary>Revokes at the issuer; only the issuing department may.</summary>
    public async Task<Licence> RevokeAsync(string number, string reason, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var issuer = IssuerOf(number);
        if (!string.Equals(issuer.Department, requester.Department, StringComparison.Ordinal))
            throw new PermissionDeniedException($"Only the issuer {issuer.Department} may revoke licence {number}; {requester.Department} may not.");
        return await cache.RevokeAsync(issuer, number, reason, requester, cancellationToken);
    }

    public async Task<CheckedLicence> HeldAsync(string number, string holderId, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var issuer = IssuerOf(number);
        var (licence, source) = await cache.GetAsync(issuer, number, requester, cancellationToken);
        if (licence is null || !string.Equals(licence.HolderId, holderId, StringComparison.Ordinal))
            throw new NotFoundException($"The signed-in holder holds no licence {number}; presentation codes are made only for one's own licences (see ListByHolder).");
        return new CheckedLicence(issuer, licence, await VerifyAsync(licence, cancellationToken), LicenceDisclosure.Whole(licence.TypeCode), source);
    }

    public Task<CheckedLicence> WithConsentAsync(string number, IReadOnlyCollection<string> items, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var issuer = IssuerOf(number);
        // The holder's consent stands in for a grant: those items and the facts any presented licence shows, nothing the department's own grants would add.
        var consent = LicenceDisclosure.For(LicenceNumber.TypeCodeOf(number), [], items).WithHolderName();
        return LookUpAsync(issuer, number, consent, requester, cancellationToken);
    }

    private async Task<CheckedLicence> LookUpAsync(
        LicenceIssuer issuer, string number, LicenceDisclosure disclosure, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var (licence, source) = await cache.GetAsync(issuer, number, requester, cancellationToken);
        if (licence is null)
            throw new NotFoundException($"{issuer.Department} has issued no licence {number}; check the number with the holder.");
        return new CheckedLicence(issuer, licence, await VerifyAsync(licence, cancellationToken), disclosure, source);
    }

    private LicenceDisclosure Presented(LicenceIssuer issuer, string typeCode, LicenceRequester requester)
    {
        var disclosure = admission.For(issuer, typeCode, requester);
        return disclosure.MayUse ? disclosure.WithHolderName() : LicenceDisclosure.FactsOnly(typeCode);
    }

    private async Task<IssuerAnswer> AskAsync(LicenceIssuer issuer, string holderId, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var outcome = new IssuerOutcome { IssuerDepartmentCode = issuer.Department, ResourceCode = issuer.Resource.Code };
        var usable = issuer.TypeCodes
            .Select(type => admission.For(issuer, type, requester))
            .Where(d => d.MayUse)
            .ToDictionary(d => d.TypeCode, StringComparer.Ordinal);
        if (usable.Count == 0)
        {
            outcome.Problem = LicenceAdmission.Denial(issuer, string.Join('/', issuer.TypeCodes), requester);
            return new IssuerAnswer(outcome, [], [], Denied: true);
        }
        try
        {
            var (licences, source) = await cache.ListAsync(issuer, holderId, requester, cancellationToken);
            outcome.Answered = true;
            outcome.Cached = source == CacheSource.Hit;
            var valid = new List<CheckedLicence>();
            var lapsed = new List<CheckedLicence>();
            foreach (var licence in licences)
            {
                if (!usable.TryGetValue(licence.TypeCode, out var disclosure))
                    continue;
                var verification = await VerifyAsync(licence, cancellationToken);
                if (verification.Valid)
                    valid.Add(new CheckedLicence(issuer, licence, verification, disclosure, source));
                else if (verification.SignatureValid && verification.Outcome is VerificationOutcome.Revoked or VerificationOutcome.Expired)
                    lapsed.Add(new CheckedLicence(issuer, licence, verification, disclosure, source));
            }
            return new IssuerAnswer(outcome, valid, lapsed, Denied: false);
        }
        catch (UnavailableException ex)
        {
            outcome.Problem = ex.Message;
            return new IssuerAnswer(outcome, [], [], Denied: false);
        }
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

    private sealed record IssuerAnswer(IssuerOutcome Outcome, IReadOnlyList<CheckedLicence> Licences, IReadOnlyList<CheckedLicence> Lapsed, bool Denied);
}

/// <summary>
/// A licence as the issuer holds it (or as presented, when it is not genuine), its verification, what the caller may
/// see of it, and where it came from.
/// </summary>
internal sealed record CheckedLicence(LicenceIssuer Issuer, Licence Licence, Verification Verification, LicenceDisclosure Disclosure, CacheSource Source)
{
    /// <summary>Signed by the issuer and the issuer's record: anything else (forged, altered, unknown key, mismatch) shows nothing and is no use.</summary>
    public bool Genuine => Verification.SignatureValid && Verification.Outcome != VerificationOutcome.Mismatch;

    public Licence ForCaller() => Genuine
        ? Disclosure.Apply(Licence)
        : new Licence { LicenceNumber = Licence.LicenceNumber, TypeCode = Licence.TypeCode };

    /// <summary>Whether the caller sees the whole licence, so its signature and QR payload may be handed on.</summary>
    public bool Whole => Genuine && Disclosure.Covers(Licence);

    /// <summary>The items returned, qualified and comma-separated, for the audit record.</summary>
    public string Returned => Genuine ? Disclosure.Returned(Licence) : string.Empty;
}

/// <summary>A holder's licences the caller may use; <see cref="Silent"/> are the issuers it may use that did not answer.</summary>
internal sealed record HolderLicences(IReadOnlyList<CheckedLicence> Licences, IReadOnlyList<IssuerOutcome> Issuers, IReadOnlyList<IssuerOutcome> Silent)
{
    public bool Complete => Silent.Count == 0;

    /// <summary>
    /// Genuine licences of types the caller may use that were revoked or have expired: not for use, but they tell a
    /// clerk why a material is still required.
    /// </summary>
    public IReadOnlyList<CheckedLicence> Lapsed { get; init; } = [];
}
