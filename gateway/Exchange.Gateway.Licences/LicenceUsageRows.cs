using System.Data.Common;
using Exchange.Gateway.Audit;
using Grpc.Core;

namespace Exchange.Gateway.Licences;

/// <summary>
/// Licence uses and material checks, kept in the audit database beside the records of the calls that made them and
/// written in the same transaction, so a use is durable exactly when its call's audit record is. Not part of the
/// hash chain: they repeat what the chained record already attests (the call, its holder, its outcome).
/// </summary>
internal sealed class LicenceUsageRows(IEnumerable<LicenceUse> uses, MaterialTally? materials = null) : IAuditAttachment
{
    public List<LicenceUse> Uses { get; } = [.. uses];

    public MaterialTally? Materials { get; set; } = materials;

    /// <summary>The usage of the licence service call in progress, recorded with the call's audit record when it succeeds.</summary>
    public static LicenceUsageRows Of(ServerCallContext context)
    {
        var features = context.GetHttpContext().Features;
        if (features.Get<IAuditAttachment>() is LicenceUsageRows usage)
            return usage;
        usage = new LicenceUsageRows([]);
        features.Set<IAuditAttachment>(usage);
        return usage;
    }

    /// <summary>Inserts the uses and the material tally of one audited call, inside the audit writer's transaction.</summary>
    public void Insert(DbConnection connection, DbTransaction transaction, long auditSequence, AuditEntry entry)
    {
        foreach (var use in Uses)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO licence_uses (audit_sequence, time_micros, licence_number, type_code, holder_id, consumer, case_number, purpose, action, request_id)
                VALUES (@sequence, @time, @number, @type, @holder, @consumer, @case, @purpose, @action, @request);
                """;
            command.AddParameter("@sequence", auditSequence);
            command.AddParameter("@time", entry.TimeMicros);
            command.AddParameter("@number", use.LicenceNumber);
            command.AddParameter("@type", use.TypeCode);
            command.AddParameter("@holder", use.HolderId);
            command.AddParameter("@consumer", entry.Consumer);
            command.AddParameter("@case", entry.CaseNumber);
            command.AddParameter("@purpose", entry.Purpose);
            command.AddParameter("@action", use.Action);
            command.AddParameter("@request", entry.RequestId);
            command.ExecuteNonQuery();
        }
        if (Materials is { } tally)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO material_checks (audit_sequence, time_micros, service_item_code, service_item_name, materials_checked, materials_exempted, consumer, case_number, blocked)
                VALUES (@sequence, @time, @code, @name, @checked, @exempted, @consumer, @case, @blocked);
                """;
            command.AddParameter("@sequence", auditSequence);
            command.AddParameter("@time", entry.TimeMicros);
            command.AddParameter("@code", tally.ServiceItemCode);
            command.AddParameter("@name", tally.ServiceItemName);
            command.AddParameter("@checked", tally.MaterialsChecked);
            command.AddParameter("@exempted", tally.MaterialsExempted);
            command.AddParameter("@consumer", entry.Consumer);
            command.AddParameter("@case", entry.CaseNumber);
            command.AddParameter("@blocked", tally.Blocked);
            command.ExecuteNonQuery();
        }
    }
}
