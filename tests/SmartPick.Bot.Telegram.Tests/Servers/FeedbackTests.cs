using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Servers.Feedback;
using SmartPick.Bot.Telegram.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Telegram.Tests.Servers;

/// <summary>Issue 16 point 4 on Telegram: anyone in the group can rate a guide answer once; votes hold no user id; the buttons stay.</summary>
public sealed class FeedbackTests : RealBotTests
{
    private const long Group = -1005555;
    private const long Asker = 81_001;
    private const long Reader = 81_002;

    [Fact]
    public async Task GroupMembers_RateAnAnswerOnceEach_SilentlyAndWithoutUserIds()
    {
        // Arrange
        using var host = Bot.Build(Api, b => b.Services.AddSingleton<IGuideAnswerer>(new SoapAnswerer()));
        await host.StartAsync();
        Api.SendText(Asker, "/ask what is SOAP?", Group, group: true);
        var answer = (await Api.WaitForSentAsync(Group, 1))[0];
        var buttons = answer.InlineKeyboard!.SelectMany(r => r!.AsArray()).Select(b => b!["callback_data"]!.GetValue<string>()).ToList();

        // Act: the reader likes it twice, the asker does not.
        Api.PressButton(Reader, Group, answer.MessageId!.Value, "vote:+:soap");
        Api.PressButton(Asker, Group, answer.MessageId.Value, "vote:-:soap");
        Api.PressButton(Reader, Group, answer.MessageId.Value, "vote:+:soap");
        Api.SendText(Asker, "/ask and when is SOAP?", Group, group: true); // handled after the presses: the group's updates keep their order
        await Api.WaitForSentAsync(Group, 2);
        var store = host.Services.GetRequiredService<IFeedbackStore>();
        await host.StopAsync();

        // Assert
        Assert.Equal(["vote:+:soap", "vote:-:soap"], buttons);
        var votes = await store.ListAsync(null, CancellationToken.None);
        Assert.Equal([true, false], votes.Select(v => v.Helpful).Order().Reverse());
        Assert.All(votes, v => Assert.Equal(["soap"], v.Sections));
        Assert.Equal(2, Api.SentTo(Group).Count); // the two answers: votes are silent in the group
        Assert.Empty(Api.CallsOf("editMessageText")); // the buttons stay for the other readers
        var stored = await DumpAsync(Bot.DatabasePath, "feedback_votes", "feedback_voters");
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
