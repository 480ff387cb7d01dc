using System.Data.Common;

namespace Exchange.Gateway.Audit;

/// <summary>
/// Aggregates audit records of a time range in the database (the range is found through the time index; percentiles
/// with window functions), so no record is loaded into this process. One read transaction, so every figure is of the
/// same records. The SQL is common to SQLite and PostgreSQL: integer division, CASE for counts, sums cast to BIGINT.
/// </summary>
internal sealed class CallStatisticsReader(AuditStore store)
{
    // Refusals by the gateway's access control, as opposed to answers of providers (NOT_FOUND, INVALID_ARGUMENT).
    private const string Denial = "CASE WHEN status IN ('UNAUTHENTICATED', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED') THEN 1 ELSE 0 END";
    private const string Bucket = "(time_micros - @from) / @bucket";

    public CallStatistics Read(CallStatisticsQuery query)
    {
        if (!store.Exists)
            return new CallStatistics([], [], [], [], new CallCountsRow("", "", "", 0, 0, 0), []);
        using var connection = store.Open();
        using var transaction = AuditStore.BeginRead(connection);

        var buckets = Grouped(transaction, query, $"{Bucket} AS bucket", "bucket",
            r => new CallBucketRow(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)));
        var series = Series(transaction, query);
        var consumers = Grouped(transaction, query, "consumer", "consumer",
            r => new CallCountsRow(r.GetString(0), "", "", r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)));
        var resources = Grouped(transaction, query, "provider, resource", "resource, provider",
            r => new CallCountsRow("", r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)));
        var total = Grouped(transaction, query, "0 AS everything", "everything",
            r => new CallCountsRow("", "", "", r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)));
        var materials = Materials(transaction, query);
        return new CallStatistics(buckets, series, consumers, resources, total.SingleOrDefault() ?? new CallCountsRow("", "", "", 0, 0, 0), materials);
    }

    /// <summary>Counts and nearest-rank p95 (the latency at rank ⌈0.95·n⌉ in ascending order) per group.</summary>
    private static List<T> Grouped<T>(DbTransaction transaction, CallStatisticsQuery query, string keys, string order, Func<DbDataReader, T> row)
    {
        var names = string.Join(", ", keys.Split(',').Select(k => k.Trim().Split(' ')[^1]));
        var sql = $"""
            WITH ranged AS (
                SELECT {keys}, latency_micros, {Denial} AS denied FROM audit_records
                WHERE time_micros >= @from AND time_micros < @until {Visibility(query)}),
            ranked AS (
                SELECT {names}, latency_micros, denied,
                       ROW_NUMBER() OVER (PARTITION BY {names} ORDER BY latency_micros) AS latency_rank,
                       COUNT(*) OVER (PARTITION BY {names}) AS calls
                FROM ranged)
            SELECT {names}, MAX(calls), CAST(SUM(denied) AS BIGINT), MAX(CASE WHEN latency_rank = (calls * 95 + 99) / 100 THEN latency_micros ELSE 0 END)
            FROM ranked GROUP BY {names} ORDER BY {order};
            """;
        return ReadRows(transaction, query, sql, row);
    }

    private static List<CallSeriesRow> Series(DbTransaction transaction, CallStatisticsQuery query)
    {
        var sql = $"""
            SELECT {Bucket} AS bucket, consumer, provider, resource, COUNT(*), CAST(SUM({Denial}) AS BIGINT)
            FROM audit_records WHERE time_micros >= @from AND time_micros < @until {Visibility(query)}
            GROUP BY bucket, consumer, provider, resource ORDER BY bucket, consumer, resource, provider;
            """;
        return ReadRows(transaction, query, sql,
            r => new CallSeriesRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetInt64(5)));
    }

    /// <summary>Material checks of the calls in the range; joined through the audit record, whose time index finds them.</summary>
    private static List<MaterialExemptionRow> Materials(DbTransaction transaction, CallStatisticsQuery query)
    {
        var sql = $"""
            SELECT m.service_item_code, MAX(m.service_item_name), COUNT(*), CAST(SUM(m.materials_checked) AS BIGINT), CAST(SUM(m.materials_exempted) AS BIGINT)
            FROM audit_records JOIN material_checks m ON m.audit_sequence = audit_records.sequence
            WHERE audit_records.time_micros >= @from AND audit_records.time_micros < @until {Visibility(query)}
              AND m.audit_sequence = (SELECT MAX(o.audit_sequence) FROM material_checks o
                                      WHERE o.service_item_code = m.service_item_code AND o.consumer = m.consumer AND o.case_number = m.case_number)
            GROUP BY m.service_item_code ORDER BY m.service_item_code;
            """;
        return ReadRows(transaction, query, sql,
            r => new MaterialExemptionRow(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)));
    }

    private static string Visibility(CallStatisticsQuery query) =>
        query.VisibleTo is null ? string.Empty : "AND (audit_records.consumer = @me OR audit_records.provider = @me)";

    private static List<T> ReadRows<T>(DbTransaction transaction, CallStatisticsQuery query, string sql, Func<DbDataReader, T> row)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("@from", query.FromMicros);
        command.AddParameter("@until", query.UntilMicros);
        command.AddParameter("@bucket", query.BucketMicros);
        if (query.VisibleTo is { } department)
            command.AddParameter("@me", department);
        var rows = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(row(reader));
        return rows;
    }
}
