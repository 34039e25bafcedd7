using System.ComponentModel.DataAnnotations;

namespace SmartPick.Bot.Storage.Postgres;

/// <summary>Where PostgreSQL keeps profiles, conversation and adapter state (same section as the SQLite settings).</summary>
public sealed class PostgresStorageOptions
{
    public const string SectionName = "SmartPick:Storage";

    /// <summary>An Npgsql connection string, e.g. "Host=db;Database=smartpick;Username=smartpick;Password=…".</summary>
    [Required(ErrorMessage = "SmartPick:Storage:ConnectionString is required with SmartPick:Storage:Provider=Postgres (e.g. \"Host=localhost;Database=smartpick;Username=smartpick\").")]
    public string ConnectionString { get; set; } = string.Empty;
}
