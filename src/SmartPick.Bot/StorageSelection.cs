using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Storage.Postgres;

namespace SmartPick.Bot;

/// <summary>SmartPick:Storage:Provider picks the storage: SQLite (default, embedded) or PostgreSQL (several instances).</summary>
internal static class StorageSelection
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration[StorageOptions.SectionName + ":Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return builder.AddSqliteStorage();
        }

        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return builder.AddPostgresStorage();
        }

        throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions),
            [$"SmartPick:Storage:Provider must be Sqlite or Postgres, not '{provider}'"]);
    }
}
