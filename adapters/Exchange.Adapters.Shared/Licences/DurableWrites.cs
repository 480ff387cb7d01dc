using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>Sets <c>PRAGMA synchronous=FULL</c> on every connection, so a committed revocation survives a crash or power loss.</summary>
internal sealed class DurableWrites : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
