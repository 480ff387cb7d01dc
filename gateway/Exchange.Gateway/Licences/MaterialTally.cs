namespace Exchange.Gateway.Licences;

/// <summary>What one CheckMaterials call found (减材料 statistics), stored with the call's audit record.</summary>
public sealed record MaterialTally(string ServiceItemCode, string ServiceItemName, int MaterialsChecked, int MaterialsExempted);
