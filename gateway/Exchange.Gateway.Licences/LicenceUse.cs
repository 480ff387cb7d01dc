namespace Exchange.Gateway.Licences;

/// <summary>
/// One use of a licence by a call (用证记录). Who, for which case and when come from the call; it is stored with the
/// call's audit record, in the same transaction, and only when the call succeeded.
/// </summary>
public sealed record LicenceUse(string LicenceNumber, string TypeCode, string HolderId, string Action);
