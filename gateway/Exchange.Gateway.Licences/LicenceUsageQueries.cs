using Exchange.Gateway.Audit;

namespace Exchange.Gateway.Licences;

/// <summary>Reads licence uses and material statistics from the audit database.</summary>
internal sealed class LicenceUsageQueries(AuditStore store)
{
    /// <summary>The holder's uses, newest first; within <paramref name="scope"/> when given (null: all, for catalog administrators).</summary>
    public List<StoredLicenceUse> UsesOf(string holderId, long beforeId, int limit, UsageScope? scope)
    {
        var uses = new List<StoredLicenceUse>();
        if (!store.Exists)
            return uses;
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        var visible = string.Empty;
        if (scope is not null)
        {
            command.AddParameter("@department", scope.Department);
            var types = scope.IssuedTypeCodes.Select((type, i) =>
            {
                command.AddParameter($"@type{i}", type);
                return $"@type{i}";
            }).ToList();
            visible = types.Count == 0 ? " AND consumer = @department" : $" AND (consumer = @department OR type_code IN ({string.Join(", ", types)}))";
        }
        command.CommandText = $"""
            SELECT id, time_micros, licence_number, type_code, holder_id, consumer, case_number, purpose, action, request_id
            FROM licence_uses WHERE holder_id = @holder AND (@before = 0 OR id < @before){visible} ORDER BY id DESC LIMIT @limit;
            """;
        command.AddParameter("@holder", holderId);
        command.AddParameter("@before", beforeId);
        command.AddParameter("@limit", limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            uses.Add(new StoredLicenceUse(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9)));
        }
        return uses;
    }

    /// <summary>
    /// Per service item: cases checked, materials checked and exempted, applications stopped; each case (department and
    /// case number) counted once, by its latest check, so checking a case again does not inflate the figures.
    /// </summary>
    public List<MaterialExemptionRow> MaterialStatistics()
    {
        var rows = new List<MaterialExemptionRow>();
        if (!store.Exists)
            return rows;
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.service_item_code, MAX(m.service_item_name), COUNT(*), CAST(SUM(m.materials_checked) AS BIGINT), CAST(SUM(m.materials_exempted) AS BIGINT),
                   CAST(SUM(CASE WHEN m.blocked THEN 1 ELSE 0 END) AS BIGINT)
            FROM material_checks m
            WHERE m.audit_sequence = (SELECT MAX(o.audit_sequence) FROM material_checks o
                                      WHERE o.service_item_code = m.service_item_code AND o.consumer = m.consumer AND o.case_number = m.case_number)
            GROUP BY m.service_item_code ORDER BY m.service_item_code;
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(new MaterialExemptionRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        return rows;
    }
}

/// <summary>What a department may see of licence uses: its own, and every use of the licence types it issues.</summary>
internal sealed record UsageScope(string Department, IReadOnlyList<string> IssuedTypeCodes);
