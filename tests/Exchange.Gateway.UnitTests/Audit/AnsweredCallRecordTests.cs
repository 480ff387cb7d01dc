using Exchange.ExchangeContext;
using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.PublicSecurity.V1;
using Grpc.Core;
using Microsoft.Data.Sqlite;

namespace Exchange.Gateway.UnitTests.Audit;

/// <summary>
/// Nothing acknowledged is lost: when a consumer holds a call's OK status, the record of that call with that status is
/// already committed to the audit store. Read from the store itself, not through the audit API (which could wait for
/// records still on their way), as a gateway killed right after answering would leave it. The overlapped request record
/// of issue 14 broke this: it released the answer once the request's record (OUTCOME_UNKNOWN) was durable and appended
/// the outcome after, so a gateway killed in between had answered OK without an OK record (TwoGatewayTests' kill test
/// found 1 of 622).
/// </summary>
public sealed class AnsweredCallRecordTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private static readonly VerifyIdentityRequest Identity = new() { CitizenId = "11010519491231002X", Name = "张伟" };

    [Fact]
    public async Task An_OK_answer_arrives_only_after_its_OK_record_is_in_the_store()
    {
        var residents = new PopulationService.PopulationServiceClient(host.CallsAs("CIVIL-AFFAIRS"));
        // Several calls, so that an outcome committed after its answer would be caught by at least one of them.
        for (var i = 0; i < 20; i++)
        {
            using var call = residents.VerifyIdentityAsync(Identity);
            await call.ResponseAsync;
            var status = call.GetStatus();
            var requestId = (await call.ResponseHeadersAsync).GetValue(ExchangeMetadata.RequestId);

            Assert.Equal(StatusCode.OK, status.StatusCode);
            Assert.False(string.IsNullOrEmpty(requestId));
            Assert.Equal("OK", StoredStatus(requestId!));
        }
    }

    /// <summary>The status of the call's last record, straight from the store; null when it has none.</summary>
    private string? StoredStatus(string requestId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = host.AuditDatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM audit_records WHERE request_id = @id ORDER BY sequence DESC LIMIT 1;";
        command.Parameters.AddWithValue("@id", requestId);
        return command.ExecuteScalar() as string;
    }
}
