using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Commands;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Support;

/// <summary>A real engine over a real SQLite file in a temp folder; ranking and guide ports are recording fakes.</summary>
public sealed class TestBot : IDisposable
{
    private readonly string _dir;

    public TestBot(string? databasePath = null)
    {
        _dir = Path.Combine(Path.GetTempPath(), "smartpick-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        DatabasePath = databasePath ?? Path.Combine(_dir, "bot.db");
        Engine = CreateEngine(DatabasePath, Clock, Advisor, Guide);
    }

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public RecordingAdvisor Advisor { get; } = new();

    public RecordingGuide Guide { get; } = new();

    public IConversationEngine Engine { get; }

    public static IConversationEngine CreateEngine(string databasePath, TimeProvider clock, IRankingAdvisor advisor, IGuideAnswerer guide, int groupMessagesPerMinute = 10)
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={databasePath}" }), NullLogger<SqliteDatabase>.Instance);
        var store = new SqliteUserStore(database, clock);
        var intake = new IntakeDialogue(clock);
        var router = new CommandRouter(intake, new ProfileCommands(intake), new AdviceCommands(advisor, guide), List.ApplicantTestTools.Commands(database, clock, advisor));
        var limiter = new GroupRateLimiter(Options.Create(new EngineOptions { GroupMessagesPerMinute = groupMessagesPerMinute }), clock);
        return new ConversationEngine(store, router, limiter, clock, NullLogger<ConversationEngine>.Instance);
    }

    public ConversationScript Direct(string userId = "u1") => new(Engine, "test", userId, ChatKind.Direct);

    public ConversationScript Group(string userId = "u1") => new(Engine, "test", userId, ChatKind.Group);

    /// <summary>A server channel whose private replies only the author sees (Discord guild interactions, ephemeral).</summary>
    public ConversationScript ServerChannel(string userId = "u1") => new(Engine, "test", userId, ChatKind.Group) { PrivateRepliesInPlace = true };

    /// <summary>Counts rows about a user across every table that holds user data.</summary>
    public long RowsAbout(string userId)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        long total = 0;
        foreach (var table in (string[])["profiles", "conversations"])
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE user_id = $u";
            command.Parameters.AddWithValue("$u", userId);
            total += (long)command.ExecuteScalar()!;
        }

        return total;
    }

    public string? StoredProfileJson(string userId)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT profile FROM profiles WHERE user_id = $u";
        command.Parameters.AddWithValue("$u", userId);
        return command.ExecuteScalar() as string;
    }

    public void Dispose()
    {
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
}

/// <summary>Records what the engine asked the ranking port; answers with a recognisable private reply.</summary>
public sealed class RecordingAdvisor : IRankingAdvisor
{
    public List<(string Call, ApplicantProfile Profile, RankRequest? Request)> Calls { get; } = [];

    public IReadOnlyList<string> Specialties => Vocabulary.Specialties;

    public AdvisorResult Rank(ApplicantProfile profile, RankRequest request) => Record("rank", profile, request);

    public AdvisorResult ExplainScore(ApplicantProfile profile, string? acgmeId, string? specialty) => Record("explain:" + acgmeId, profile, null);

    public AdvisorResult Plan(ApplicantProfile profile, RankRequest request) => Record("plan", profile, request);

    private AdvisorResult Record(string call, ApplicantProfile profile, RankRequest? request)
    {
        Calls.Add((call, profile, request));
        return new AdvisorResult([Reply.Private($"{call} result for Step 2 CK {profile.Step2ck?.Score}")], new JsonObject { ["call"] = call });
    }
}

/// <summary>Records questions and which profile accompanied them.</summary>
public sealed class RecordingGuide : IGuideAnswerer
{
    public List<(string Question, ApplicantProfile? Profile)> Questions { get; } = [];

    /// <summary>Plays the LLM's profile extraction: given the asker's profile, what it proposes (null = nothing).</summary>
    public Func<ApplicantProfile?, ApplicantProfile?> Propose { get; set; } = _ => null;

    public Task<GuideAnswer> AnswerAsync(string question, ApplicantProfile? profile, CancellationToken cancellationToken)
    {
        Questions.Add((question, profile));
        return Task.FromResult(new GuideAnswer("Signals go to programs you really want.", [new GuideCitation("guide/signals.md", "how-many", "How many signals", 3.2)], true, Propose(profile)));
    }
}
