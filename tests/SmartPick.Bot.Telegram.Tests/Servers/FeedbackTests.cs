using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Servers.Feedback;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Telegram.Tests.Servers;

/// <summary>Issue 16 point 4 on Telegram: anyone in the group can rate a guide answer once; votes hold no user id; the buttons stay.</summary>
public sealed class FeedbackTests : IAsyncLifetime, IDisposable
{
    private const long Group = -1005555;
    private const long Asker = 81_001;
    private const long Reader = 81_002;
    private readonly RealBot _bot = new();
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task GroupMembers_RateAnAnswerOnceEach_SilentlyAndWithoutUserIds()
    {
        // Arrange
        using var host = _bot.Build(_api, b => b.Services.AddSingleton<IGuideAnswerer>(new SoapAnswerer()));
        await host.StartAsync();
        _api.SendText(Asker, "/ask what is SOAP?", Group, group: true);
        var answer = (await _api.WaitForSentAsync(Group, 1))[0];
        var buttons = answer.InlineKeyboard!.SelectMany(r => r!.AsArray()).Select(b => b!["callback_data"]!.GetValue<string>()).ToList();

        // Act: the reader likes it twice, the asker does not.
        _api.PressButton(Reader, Group, answer.MessageId!.Value, "vote:+:soap");
        _api.PressButton(Asker, Group, answer.MessageId.Value, "vote:-:soap");
        _api.PressButton(Reader, Group, answer.MessageId.Value, "vote:+:soap");
        _api.SendText(Asker, "/ask and when is SOAP?", Group, group: true); // handled after the presses: the group's updates keep their order
        await _api.WaitForSentAsync(Group, 2);
        var store = host.Services.GetRequiredService<IFeedbackStore>();
        await host.StopAsync();

        // Assert
        Assert.Equal(["vote:+:soap", "vote:-:soap"], buttons);
        var votes = await store.ListAsync(null, CancellationToken.None);
        Assert.Equal([true, false], votes.Select(v => v.Helpful).Order().Reverse());
        Assert.All(votes, v => Assert.Equal(["soap"], v.Sections));
        Assert.Equal(2, _api.SentTo(Group).Count); // the two answers: votes are silent in the group
        Assert.Empty(_api.CallsOf("editMessageText")); // the buttons stay for the other readers
        var stored = await DumpAsync(_bot.DatabasePath, "feedback_votes", "feedback_voters");
        Assert.DoesNotContain(Asker.ToString(System.Globalization.CultureInfo.InvariantCulture), stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Reader.ToString(System.Globalization.CultureInfo.InvariantCulture), stored, StringComparison.Ordinal);
    }

    private static async Task<string> DumpAsync(string path, params string[] tables)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table};";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetValue(i)).Append('|');
                }
            }
        }

        return text.ToString();
    }

    private sealed class SoapAnswerer : IGuideAnswerer
    {
        public Task<GuideAnswer> AnswerAsync(string question, ApplicantProfile? profile, CancellationToken cancellationToken) =>
            Task.FromResult(new GuideAnswer("**SOAP** lets unmatched applicants apply to unfilled positions.", [new GuideCitation("guide/not-matching.md", "soap", "SOAP", 1)], true));
    }
}
