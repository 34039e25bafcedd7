using Microsoft.Extensions.Options;
using Npgsql;

namespace SmartPick.Bot.Storage.Postgres;

/// <summary>
/// At start, a database that cannot be reached is a one-line configuration error naming the setting, the host and the
/// reason (never the password), instead of a stack trace from the first migration.
/// </summary>
internal sealed class PostgresReachable : IValidateOptions<PostgresStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Skip; // reported by the format check
        }

        if (string.IsNullOrWhiteSpace(target.Host))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            using var connection = new NpgsqlConnection(options.ConnectionString);
            connection.Open();
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).ReplaceLineEndings(" ");
            return ValidateOptionsResult.Fail($"SmartPick:Storage:ConnectionString: cannot connect to PostgreSQL at {target.Host}:{target.Port}, database '{target.Database}' as '{target.Username}': {reason}");
        }
    }
}
