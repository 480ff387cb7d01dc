namespace Exchange.Gateway.Licences.Presentations;

/// <summary>The licence lookups presentation codes need, served by <see cref="LicenceBroker"/>.</summary>
internal interface IPresentationLicences
{
    /// <summary>The licence, verified, when <paramref name="holderId"/> holds it; NOT_FOUND otherwise (as for an unknown number, so nothing leaks about others' licences).</summary>
    Task<CheckedLicence> HeldAsync(string number, string holderId, LicenceRequester requester, CancellationToken cancellationToken);

    /// <summary>The licence as the issuer holds it now, verified, disclosing the consented items (and the presented facts) only.</summary>
    Task<CheckedLicence> WithConsentAsync(string number, IReadOnlyCollection<string> items, LicenceRequester requester, CancellationToken cancellationToken);
}
