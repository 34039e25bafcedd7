using System.ComponentModel.DataAnnotations;

namespace SmartPick.Bot.Storage;

/// <summary>Where SQLite keeps profiles and conversation state.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "SmartPick:Storage";

    /// <summary>"Sqlite" (default, embedded) or "Postgres" (several instances on one database); the host picks the provider by it.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>A Microsoft.Data.Sqlite connection string, e.g. "Data Source=smartpick.db".</summary>
    [Required(ErrorMessage = "SmartPick:Storage:ConnectionString is required (e.g. \"Data Source=smartpick.db\").")]
    public string ConnectionString { get; set; } = "Data Source=smartpick.db";
}
