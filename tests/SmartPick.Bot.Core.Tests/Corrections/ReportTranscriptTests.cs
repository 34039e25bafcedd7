using Microsoft.Data.Sqlite;
using SmartPick.Bot.Core.Commands;
using SmartPick.Bot.Core.Corrections;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Tests.List;

namespace SmartPick.Bot.Core.Tests.Corrections;

public sealed class ReportTranscriptTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);
    private readonly ApplicantBot _bot = new(Now);

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Report_ById_StoresTextProgramHashedUserAndTime()
    {
        await _bot.Direct().Send("/report 1200500737 they now sponsor J-1 visas").Expect("stored your correction").Expect("1200500737").RunAsync();

        var report = Assert.Single(await _bot.Get<ICorrectionStore>().ListAsync(null, CancellationToken.None));
        Assert.Equal(("1200500737", "1200500737", "they now sponsor J-1 visas", Now), (report.ProgramId, report.Program, report.Text, report.CreatedAt));
        Assert.Equal(UserHash.Of(new UserKey("test", "u1")), report.UserHash);
        Assert.DoesNotContain("u1", report.UserHash, StringComparison.Ordinal);
        Assert.Equal(64, report.UserHash.Length);
    }

    [Fact]
    public async Task Report_LocalCatalogId_IsMatchedToTheProgram()
    {
        await _bot.Direct().Send("/report X-ruhs-psychiatry the program has 6 positions now").Expect("stored your correction").RunAsync();

        Assert.Equal("X-ruhs-psychiatry", Assert.Single(await _bot.Get<ICorrectionStore>().ListAsync(null, CancellationToken.None)).ProgramId);
    }

    [Fact]
    public async Task Report_ByNameWithColon_StoresWhatWasTyped()
    {
        await _bot.Direct().Send("/report Some Unknown Hospital: it closed in 2024").Expect("not matched to one catalog program").RunAsync();

        var report = Assert.Single(await _bot.Get<ICorrectionStore>().ListAsync(null, CancellationToken.None));
        Assert.Equal((null, "Some Unknown Hospital", "it closed in 2024"), (report.ProgramId, report.Program, report.Text));
    }

    [Fact]
    public async Task Report_AsDiscordOptions_StoresProgramAndTextSeparately()
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["program"] = "Kaweah Health", ["text"] = "the program moved to Visalia: check" };
        var replies = await _bot.Engine.HandleAsync(
            new InboundMessage("test", "dm-u1", "u1", ChatKind.Direct, new CommandContent("report", string.Empty, options)), CancellationToken.None);

        Assert.Contains(replies, r => r.Text.Contains("stored your correction", StringComparison.Ordinal));
        var report = Assert.Single(await _bot.Get<ICorrectionStore>().ListAsync(null, CancellationToken.None));
        Assert.Equal(("Kaweah Health", "the program moved to Visalia: check"), (report.Program, report.Text));
    }

    [Theory]
    [InlineData("/report")]
    [InlineData("/report 1200500737")]
    [InlineData("/report the visa policy is wrong")]
    public async Task Report_WithoutProgramOrText_ExplainsUsage_StoresNothing(string message)
    {
        await _bot.Direct().Send(message).Expect("/report <program id or name> <what is wrong>").RunAsync();

        Assert.Empty(await _bot.Get<ICorrectionStore>().ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Forget_DeletesTheUsersReports_NotOtherUsers()
    {
        await _bot.Direct("u1").Send("/report 1200500737 wrong city").RunAsync();
        await _bot.Direct("u2").Send("/report 1200500737 wrong size").RunAsync();

        await _bot.Direct("u1").Send("/forget").Press("Yes, delete everything").RunAsync();

        var left = Assert.Single(await _bot.Get<ICorrectionStore>().ListAsync(null, CancellationToken.None));
        Assert.Equal("wrong size", left.Text);
    }

    [Fact]
    public async Task Report_CapPerUser_StopsStoringAfterTheLimit()
    {
        var chat = _bot.Direct();
        for (var i = 0; i < ReportCommand.MaxReportsPerUser; i++)
        {
            chat.Send($"/report 1200500737 note {i}");
        }

        await chat.Send("/report 1200500737 one more").Expect("already have").RunAsync();

        Assert.Equal(ReportCommand.MaxReportsPerUser, (await _bot.Get<ICorrectionStore>().ListAsync(null, CancellationToken.None)).Count);
        SqliteConnection.ClearAllPools();
    }
}
