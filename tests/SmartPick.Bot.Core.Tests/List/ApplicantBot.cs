using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Commands;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Privacy;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;
using SmartPick.Ranking;

namespace SmartPick.Bot.Core.Tests.List;

/// <summary>
/// The bot as the host composes it (AddBotCore + AddSqliteStorage: real catalog, real ranking, real SQLite file),
/// with a fake clock. <see cref="Reopen"/> builds a fresh process over the same database file.
/// </summary>
public sealed class ApplicantBot : IDisposable
{
    private readonly string _dir;
    private readonly Action<IServiceCollection>? _configure;
    private readonly Dictionary<string, string?> _settings;
    private IHost _host;

    /// <param name="configure">Extra registrations (fake messengers), applied to every "process".</param>
    /// <param name="settings">Extra configuration, e.g. SmartPick:Reminders:MaxSendsPerCheck.</param>
    public ApplicantBot(DateTimeOffset now, Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
        : this(new FakeTimeProvider(now), configure, settings)
    {
    }

    public ApplicantBot(FakeTimeProvider clock, Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        _configure = configure;
        _settings = settings ?? [];
        _dir = Path.Combine(Path.GetTempPath(), "smartpick-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        DatabasePath = Path.Combine(_dir, "bot.db");
        Clock = clock;
        _host = Build();
    }

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    public IConversationEngine Engine => Services.GetRequiredService<IConversationEngine>();

    public ConversationScript Direct(string userId = "u1") => new(Engine, "test", userId, ChatKind.Direct);

    public ConversationScript Group(string userId = "u1") => new(Engine, "test", userId, ChatKind.Group);

    /// <summary>A second, concurrent "process" (another instance) on the same database file and clock.</summary>
    public IHost StartAnother() => Build();

    /// <summary>Drops this "process" and starts another one on the same database file.</summary>
    public void Reopen()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        _host = Build();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public long Count(string table, string userId)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE user_id = $u";
        command.Parameters.AddWithValue("$u", userId);
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // best effort: temp files
        }
    }

    private IHost Build()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmartPick:Storage:ConnectionString"] = $"Data Source={DatabasePath}",
            ["SmartPick:Ranking:KnowledgePath"] = Path.Combine(AppContext.BaseDirectory, "knowledge"),
        });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddBotCore();
        builder.AddSqliteStorage();
        _configure?.Invoke(builder.Services);
        return builder.Build();
    }
}

/// <summary>Applicant tools for tests that build the engine by hand (an empty catalog unless one is given).</summary>
public static class ApplicantTestTools
{
    public static ApplicantCommands Commands(SqliteDatabase database, TimeProvider clock, IRankingAdvisor advisor, RankingModel? model = null)
    {
        var directory = new ProgramDirectory(model ?? new RankingModel([], [], []));
        var reminders = new SqliteReminderStore(database, clock);
        var reminderOptions = Options.Create(new ReminderOptions());
        var timeline = CycleTimeline.Load(Path.Combine(AppContext.BaseDirectory, "knowledge", "timeline", "cycles.csv"));
        return new ApplicantCommands(
            new ListCommands(new SqliteApplicantListStore(database), directory, advisor, clock),
            new CompareCommand(directory, advisor),
            new TimelineCommand(timeline, reminders, reminderOptions, clock),
            new RemindCommands(reminders, new NoticeSender(new SqliteNotificationLedger(database, clock), [], clock, NullLogger<NoticeSender>.Instance), reminderOptions, clock),
            new PrivacyCommand(Options.Create(new PrivacyOptions())));
    }
}
