using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Corrections;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Privacy;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;

namespace SmartPick.Bot.Storage;

/// <summary>Registers SQLite storage; the schema is migrated when the host starts.</summary>
public static class StorageHostingExtensions
{
    public static IHostApplicationBuilder AddSqliteStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => IsValidConnectionString(o.ConnectionString), "SmartPick:Storage:ConnectionString is not a valid SQLite connection string (expected e.g. \"Data Source=smartpick.db\").")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SqliteDatabase>();
        builder.Services.AddSingleton<IUserStore, SqliteUserStore>();
        builder.Services.AddSingleton<IAdapterStateStore, SqliteAdapterStateStore>();
        builder.Services.AddSingleton<IApplicantListStore, SqliteApplicantListStore>();
        builder.Services.AddSingleton<IReminderStore, SqliteReminderStore>();
        builder.Services.AddSingleton<INotificationLedger, SqliteNotificationLedger>();
        builder.Services.AddSingleton<IInactivityStore, SqliteInactivityStore>();
        builder.Services.AddSingleton<ICorrectionStore, SqliteCorrectionStore>();
        builder.Services.AddSingleton<Core.Servers.IServerSettingsStore, SqliteServerSettingsStore>();
        builder.Services.AddSingleton<Core.Servers.Feedback.IFeedbackStore, SqliteFeedbackStore>();
        builder.Services.AddSingleton<IUpdateInbox, Inbox.SqliteUpdateInbox>();
        builder.Services.AddSingleton<ITimedLeases, Leases.SqliteTimedLeases>();
        builder.Services.AddHostedService<MigrationService>();
        return builder;
    }

    private static bool IsValidConnectionString(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true; // reported by [Required]
        }

        try
        {
            return !string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(value).DataSource);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Migrates before any adapter starts (hosted services start in registration order).</summary>
    private sealed class MigrationService(SqliteDatabase database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
