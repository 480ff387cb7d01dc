namespace Exchange.Gateway.Licences;

/// <summary>
/// What one CheckMaterials call found (减材料 statistics), stored with the call's audit record: only for a case whose
/// applicants are all on record, so a trial check with made-up ids never counts.
/// </summary>
public sealed record MaterialTally(string ServiceItemCode, string ServiceItemName, int MaterialsChecked, int MaterialsExempted, bool Blocked = false);
