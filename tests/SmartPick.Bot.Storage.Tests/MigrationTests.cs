using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Storage.Tests;

public sealed class MigrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-storage-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_dir, "s.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task VersionOneDatabase_IsMigrated_KeepingRows_InWalMode()
    {
        // Arrange: a database as the first release left it (schema version 1, one user).
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            Execute(connection, """
                CREATE TABLE profiles (platform TEXT NOT NULL, user_id TEXT NOT NULL, profile TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (platform, user_id)) WITHOUT ROWID;
                CREATE TABLE conversations (platform TEXT NOT NULL, user_id TEXT NOT NULL, intake_step TEXT NULL, history TEXT NOT NULL, pending TEXT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (platform, user_id)) WITHOUT ROWID;
                CREATE TABLE adapter_state (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;
                INSERT INTO profiles VALUES ('telegram', '42', '{"specialties":["Internal Medicine"],"step2ck":{"score":231}}', '2026-01-01');
                INSERT INTO conversations VALUES ('telegram', '42', 'visa', '["specialties","type"]', NULL, '2026-01-01');
                PRAGMA user_version = 1;
                """);
        }

        // Act
        var store = Store();
        var state = await store.LoadAsync(new UserKey("telegram", "42"), CancellationToken.None);

        // Assert
        Assert.Equal(231, state!.Profile.Step2ck?.Score);
        Assert.Equal("visa", state.Conversation.IntakeStep);
        Assert.Equal(["specialties", "type"], state.Conversation.History);
        using var check = new SqliteConnection(ConnectionString);
        check.Open();
        Assert.Equal((long)Migrations.All.Count, Scalar(check, "PRAGMA user_version;"));
        Assert.Equal("wal", Scalar(check, "PRAGMA journal_mode;"));
        Assert.Equal("ok", Scalar(check, "PRAGMA integrity_check;"));
    }

    [Fact]
    public async Task SaveLoadForget_RoundTripsEveryField_AndForgetRemovesOnlyThatUser()
    {
        var store = Store();
        var alice = new UserKey("discord", "a");
        var bob = new UserKey("discord", "b");
        var state = new UserState(
            new ApplicantProfile { Specialties = ["Family Medicine"], Visa = VisaNeed.H1B, Languages = ["Spanish"] },
            new ConversationState("letters", ["specialties", "visa"], "paused", "{\"specialties\":[\"Family Medicine\"]}"));

        await store.SaveAsync(alice, state, CancellationToken.None);
        await store.SaveAsync(bob, state, CancellationToken.None);
        var loaded = await store.LoadAsync(alice, CancellationToken.None);

        Assert.Equal(state.Conversation.IntakeStep, loaded!.Conversation.IntakeStep);
        Assert.Equal(state.Conversation.History, loaded.Conversation.History);
        Assert.Equal(state.Conversation.Pending, loaded.Conversation.Pending);
        Assert.Equal(state.Conversation.Proposal, loaded.Conversation.Proposal);
        Assert.Equal(ProfileJson.Serialize(state.Profile), ProfileJson.Serialize(loaded.Profile));

        Assert.True(await store.ForgetAsync(alice, CancellationToken.None));
        Assert.Null(await store.LoadAsync(alice, CancellationToken.None));
        Assert.NotNull(await store.LoadAsync(bob, CancellationToken.None));
        Assert.False(await store.ForgetAsync(alice, CancellationToken.None));
    }

    [Fact]
    public async Task AdapterState_SetAndGet_LastWriterWins()
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = ConnectionString }), NullLogger<SqliteDatabase>.Instance);
        var store = new SqliteAdapterStateStore(database, new FakeTimeProvider());

        await store.SetAsync("telegram:offset", "17", CancellationToken.None);
        await store.SetAsync("telegram:offset", "18", CancellationToken.None);

        Assert.Equal("18", await store.GetAsync("telegram:offset", CancellationToken.None));
        Assert.Null(await store.GetAsync("missing", CancellationToken.None));
    }

    private SqliteUserStore Store() =>
        new(new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = ConnectionString }), NullLogger<SqliteDatabase>.Instance), new FakeTimeProvider());

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
