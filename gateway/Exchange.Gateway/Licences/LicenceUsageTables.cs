using Microsoft.Data.Sqlite;

namespace Exchange.Gateway.Licences;

/// <summary>
/// Licence uses and material checks, kept in the audit database beside the records of the calls that made them and
/// written in the same transaction, so a use is durable exactly when its call's audit record is. Not part of the
/// hash chain: they repeat what the chained record already attests (the call, its holder, its outcome).
/// </summary>
public static class LicenceUsageTables
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS licence_uses (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            audit_sequence INTEGER NOT NULL,
            time_micros INTEGER NOT NULL,
            licence_number TEXT NOT NULL,
            type_code TEXT NOT NULL,
            holder_id TEXT NOT NULL,
            consumer TEXT NOT NULL,
            case_number TEXT NOT NULL,
            purpose TEXT NOT NULL,
            action TEXT NOT NULL,
            request_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_licence_uses_holder ON licence_uses (holder_id, id);
        CREATE TABLE IF NOT EXISTS material_checks (
            audit_sequence INTEGER PRIMARY KEY,
            time_micros INTEGER NOT NULL,
            service_item_code TEXT NOT NULL,
            service_item_name TEXT NOT NULL,
            materials_checked INTEGER NOT NULL,
            materials_exempted INTEGER NOT NULL);
        """;

    /// <summary>Inserts the uses and the material tally of one audited call, inside the caller's transaction.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, long auditSequence, Audit.AuditEntry entry)
    {
        foreach (var use in entry.LicenceUses)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO licence_uses (audit_sequence, time_micros, licence_number, type_code, holder_id, consumer, case_number, purpose, action, request_id)
                VALUES (@sequence, @time, @number, @type, @holder, @consumer, @case, @purpose, @action, @request);
                """;
            command.Parameters.AddWithValue("@sequence", auditSequence);
            command.Parameters.AddWithValue("@time", entry.TimeMicros);
            command.Parameters.AddWithValue("@number", use.LicenceNumber);
            command.Parameters.AddWithValue("@type", use.TypeCode);
            command.Parameters.AddWithValue("@holder", use.HolderId);
            command.Parameters.AddWithValue("@consumer", entry.Consumer);
            command.Parameters.AddWithValue("@case", entry.CaseNumber);
            command.Parameters.AddWithValue("@purpose", entry.Purpose);
            command.Parameters.AddWithValue("@action", use.Action);
            command.Parameters.AddWithValue("@request", entry.RequestId);
            command.ExecuteNonQuery();
        }
        if (entry.Materials is { } tally)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO material_checks (audit_sequence, time_micros, service_item_code, service_item_name, materials_checked, materials_exempted)
                VALUES (@sequence, @time, @code, @name, @checked, @exempted);
                """;
            command.Parameters.AddWithValue("@sequence", auditSequence);
            command.Parameters.AddWithValue("@time", entry.TimeMicros);
            command.Parameters.AddWithValue("@code", tally.ServiceItemCode);
            command.Parameters.AddWithValue("@name", tally.ServiceItemName);
            command.Parameters.AddWithValue("@checked", tally.MaterialsChecked);
            command.Parameters.AddWithValue("@exempted", tally.MaterialsExempted);
            command.ExecuteNonQuery();
        }
    }
}
