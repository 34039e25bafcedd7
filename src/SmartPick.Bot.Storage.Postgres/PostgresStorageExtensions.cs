using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SmartPick.Bot.Core.Corrections;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Privacy;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Leases;
using SmartPick.Bot.Storage.Postgres.Schema;
using SmartPick.Bot.Storage.Postgres.Stores;

namespace SmartPick.Bot.Storage.Postgres;

/// <summary>Registers PostgreSQL storage (one data source per process); the schema is migrated when the host starts.</summary>
public static class PostgresStorageExtensions
{
    public static IHostApplicationBuilder AddPostgresStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PostgresStorageOptions>()
            .Bind(builder.Configuration.GetSection(PostgresStorageOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => IsValidConnectionString(o.ConnectionString), "SmartPick:Storage:ConnectionString is not a valid PostgreSQL connection string for SmartPick:Storage:Provider=Postgres (expected e.g. \"Host=localhost;Database=smartpick;Username=smartpick\").")
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PostgresStorageOptions>, PostgresReachable>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PostgresDatabase>();
        builder.Services.AddSingleton<IUserStore, PostgresUserStore>();
        builder.Services.AddSingleton<IAdapterStateStore, PostgresAdapterStateStore>();
        builder.Services.AddSingleton<IApplicantListStore, PostgresApplicantListStore>();
        builder.Services.AddSingleton<IReminderStore, PostgresReminderStore>();
        builder.Services.AddSingleton<INotificationLedger, PostgresNotificationLedger>();
        builder.Services.AddSingleton<IInactivityStore, PostgresInactivityStore>();
        builder.Services.AddSingleton<ICorrectionStore, PostgresCorrectionStore>();
        builder.Services.AddSingleton<Core.Servers.IServerSettingsStore, PostgresServerSettingsStore>();
        builder.Services.AddSingleton<Core.Servers.Feedback.IFeedbackStore, PostgresFeedbackStore>();
        builder.Services.AddSingleton<IRoleLeases, PostgresRoleLeases>();
        builder.Services.AddSingleton<ITimedLeases, PostgresTimedLeases>();
        builder.Services.AddSingleton<ISendBudget, PostgresSendBudget>();
        builder.Services.AddSingleton<PostgresRateWindows>();
        builder.Services.AddSingleton<IRateWindows>(sp => sp.GetRequiredService<PostgresRateWindows>());
        builder.Services.AddSingleton<IUpdateInbox, Inbox.PostgresUpdateInbox>();
        builder.Services.AddSingleton<IInboxSignals, Inbox.PostgresInboxSignals>();
        builder.Services.AddHostedService<MigrationService>();
        builder.Services.AddHostedService<RateWindowsCleanup>(); // after the migration, which creates its table
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
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Migrates before any adapter starts (hosted services start in registration order).</summary>
    private sealed class MigrationService(PostgresDatabase database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
