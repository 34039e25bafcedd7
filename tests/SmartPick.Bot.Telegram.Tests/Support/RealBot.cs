using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.Telegram.Tests.Support;

/// <summary>
/// The production composition (real engine, real ranking, SQLite storage in a temp file, the Telegram adapter)
/// pointed at the fake Bot API. Several hosts may share one database to simulate a restart.
/// </summary>
internal sealed class RealBot : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "smartpick-telegram-tests", Guid.NewGuid().ToString("N"));

    public RealBot() => Directory.CreateDirectory(_dir);

    public string DatabasePath => Path.Combine(_dir, "bot.db");

    public IHost Build(FakeBotApi api, Action<HostApplicationBuilder>? configure = null)
    {
        var settings = TestBot.Settings(api);
        settings["SmartPick:Storage:ConnectionString"] = $"Data Source={DatabasePath}";
        settings["SmartPick:Ranking:KnowledgePath"] = Path.Combine(RepositoryRoot(), "knowledge");
        var builder = TestBot.Builder(settings);
        configure?.Invoke(builder);
        builder.AddBotCore();
        builder.AddSqliteStorage();
        builder.AddTelegramAdapter();
        return builder.Build();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPick.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (SmartPick.Bot.sln) not found above " + AppContext.BaseDirectory);
    }
}
