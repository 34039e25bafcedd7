namespace SmartPick.Bot.Storage.Postgres.Tests.Support;

/// <summary>Makes a missing PostgreSQL visible in the test counts (skipped, with the reason) rather than silent.</summary>
public sealed class ServerTests
{
    [PostgresFact]
    public void ThrowawayServer_StartsOnLoopback_AndAcceptsConnections()
    {
        var connectionString = PostgresServer.Instance.CreateDatabase();

        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        Assert.Equal("127.0.0.1", connection.Host);
        Assert.Equal(PostgresServer.Instance.Port, connection.Port);
    }
}
