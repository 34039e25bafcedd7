using SmartPick.Bot.Core.Ranking;
using SmartPick.Bot.Core.Tests.Support;

namespace SmartPick.Bot.Core.Tests.Ranking;

/// <summary>
/// Issue 11 point 1, read as transcripts: an applicant who wants IM or FM gets both ranked and one plan across them —
/// matching in either, one shared strength — not the first specialty alone.
/// </summary>
public sealed class SeveralSpecialtiesConversationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "smartpick-tests", Guid.NewGuid().ToString("N"));
    private readonly ConversationScript _chat;

    public SeveralSpecialtiesConversationTests()
    {
        Directory.CreateDirectory(_dir);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var engine = TestBot.CreateEngine(Path.Combine(_dir, "bot.db"), clock, Personas.Personas.Advisor, new RecordingGuide());
        _chat = new ConversationScript(engine, "test", "u1", Core.Messaging.ChatKind.Direct);
    }

    private static List<string> Rows(string text) => [.. text.Split('\n').Where(l => l.Length > 3 && char.IsAsciiDigit(l[0]))];

    [Fact]
    public async Task ImOrFm_RanksBoth_WithOnePlanAcrossThem_OnOnePhoneScreen()
    {
        var chat = await _chat.Send("/profile set specialties IM, FM").Send("/profile set step2ck 226").Send("/profile set regions SoCal")
            .Send("/rank").Expect("**Internal Medicine**: about").Expect("**Family Medicine**: about").Expect("Plan across them: apply to").Expect("in any of them")
            .RunAsync();

        var text = chat.Last[0].Text;
        Assert.True(RankPage.VisibleLength(text) <= 1500, $"{RankPage.VisibleLength(text)} visible characters");
        var rows = Rows(text);
        Assert.Equal(RankPage.Size, rows.Count);
        Assert.Contains(rows, r => r.Contains(" · IM — ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(" · FM — ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveButtons_OfferTheProgramsThePageShows_OfBothSpecialties()
    {
        var chat = await _chat.Send("/profile set specialties IM, FM").Send("/profile set step2ck 226").Send("/rank").RunAsync();

        var rows = Rows(chat.Last[0].Text);
        var saves = chat.Last.SelectMany(r => r.Choices).Where(c => c.Payload.StartsWith("cmd:list add ", StringComparison.Ordinal)).ToList();
        Assert.Equal(rows.Count, saves.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            // "+ Name" buttons in the order of the rows (names may be cut on either side)
            Assert.Contains(saves[i].Label[2..Math.Min(saves[i].Label.Length, 22)].TrimEnd('…'), rows[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MorePages_KeepBothSpecialties()
    {
        await _chat.Send("/profile set specialties IM, FM").Send("/profile set step2ck 226")
            .Send("/rank").Press("More").Expect("9. ").Expect(" · IM — ").Expect(" · FM — ")
            .RunAsync();
    }

    [Fact]
    public async Task NamingOneSpecialty_NarrowsToIt()
    {
        var chat = await _chat.Send("/profile set specialties IM, FM").Send("/profile set step2ck 226").Send("/rank FM").ExpectNot("Plan across them").RunAsync();

        Assert.DoesNotContain(" · IM — ", chat.Last[0].Text, StringComparison.Ordinal);
        Assert.Contains("**Family Medicine**: your chance to match", chat.Last[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_SpansBoth_SignalsCountedPerSpecialty()
    {
        await _chat.Send("/profile set specialties IM, FM").Send("/profile set step2ck 226").Send("/profile set regions SoCal")
            .Send("/plan").Expect("Application plan: Internal Medicine + Family Medicine").Expect("P(match in any of them)").Expect("- IM gold (3): ").Expect("- FM signal (")
            .Press("More").Expect("**Internal Medicine signals**").Expect("**Family Medicine signals**").Expect("First programs in the list").Expect(" · FM: ")
            .RunAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}
