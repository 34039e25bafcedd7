namespace SmartPick.Bot.Storage.Postgres.Tests.Support;

/// <summary>A fact that needs the throwaway PostgreSQL server; skipped, with the reason, only when no server binaries exist.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
