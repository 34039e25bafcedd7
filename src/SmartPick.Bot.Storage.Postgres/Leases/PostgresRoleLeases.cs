using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Leases;

/// <summary>
/// Role leases as session advisory locks: the holder keeps one connection open and checks it every
/// <paramref name="checkInterval"/>; waiting instances try the lock as often. When the holder dies its connection
/// closes and PostgreSQL releases the lock, so another instance takes the role within about one interval (a host
/// that vanishes without closing TCP is noticed by the server's TCP keepalive). A holder whose connection fails
/// sees <see cref="RoleLease.Lost"/> fire and must stop: another instance may hold the role by then.
/// </summary>
public sealed partial class PostgresRoleLeases(PostgresDatabase database, TimeProvider clock, ILogger<PostgresRoleLeases> logger, TimeSpan? checkInterval = null)
    : IRoleLeases
{
    private readonly TimeSpan _interval = checkInterval ?? TimeSpan.FromSeconds(2);

    public async Task<RoleLease> AcquireAsync(string role, CancellationToken cancellationToken)
    {
        var key = LockKey(role);
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            while (!await TryLockAsync(connection, key, cancellationToken))
            {
                await Task.Delay(_interval, clock, cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        LogAcquired(role);
        var lost = new CancellationTokenSource();
        var stop = new CancellationTokenSource();
        var watch = WatchAsync(connection, role, lost, stop.Token);
        return new RoleLease(async () =>
        {
            await stop.CancelAsync();
            await watch;
            try
            {
                await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({key});", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone: the server released the lock with it.
            }

            await connection.DisposeAsync();
            lost.Dispose();
            stop.Dispose();
            LogReleased(role);
        }, lost.Token);
    }

    /// <summary>A stable 64-bit key per role, clear of the migration lock's key.</summary>
    internal static long LockKey(string role) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("smartpick:role:" + role)), 0);

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({key});", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task WatchAsync(NpgsqlConnection connection, string role, CancellationTokenSource lost, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_interval, clock, stop);
                await using var ping = new NpgsqlCommand("SELECT 1;", connection);
                await ping.ExecuteNonQueryAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Released by its holder.
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
        {
            LogLost(ex, role);
            await lost.CancelAsync();
        }
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "This instance now holds the {Role} role")]
    private partial void LogAcquired(string role);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "Released the {Role} role")]
    private partial void LogReleased(string role);

    [LoggerMessage(EventId = 122, Level = LogLevel.Warning, Message = "Lost the {Role} role: its database connection failed")]
    private partial void LogLost(Exception exception, string role);
}
