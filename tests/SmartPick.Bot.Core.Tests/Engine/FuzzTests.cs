using CsCheck;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Engine;

/// <summary>Arbitrary input never crashes a parser or the engine, and every rejection says why.</summary>
public sealed class FuzzTests : IDisposable
{
    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char, 0, 300],
        Gen.Const("<b>x</b> **y** _z_ [a](https://b.example) `c` \\"),
        Gen.Const("\u202Eمرحبا שלום\u200F 🩺👩‍⚕️"),
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Int[-1000, 100_000].Select(i => $"Step 2: {i}"),
        Gen.Char['\0', '\u001f'].Array[1, 20].Select(cs => new string(cs)));

    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void EveryIntakeReader_AcceptsOrExplains_NeverThrows()
    {
        Hostile.Sample(text =>
        {
            foreach (var step in IntakeTable.Steps)
            {
                var profile = new ApplicantProfile { Letters = new LettersInfo(3) };
                var result = step.Read(profile, text, new IntakeContext(2026));
                Assert.True(result.Ok || !string.IsNullOrWhiteSpace(result.Error));
                if (result.Ok)
                {
                    Assert.Empty(ProfileValidator.Validate(result.Profile! with { Specialties = ["Internal Medicine"] }));
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Markup_AnyText_RendersWithoutThrowing_AndEscapedTextStaysLiteral()
    {
        Hostile.Sample(text =>
        {
            _ = Markup.ToHtml(text);
            _ = Markup.ToDiscordMarkdown(text);
            Assert.Equal(text, Markup.ToPlainText(Markup.Escape(text)));
            Assert.DoesNotContain("<b>", Markup.ToHtml(Markup.Escape(text)), StringComparison.Ordinal);
        }, iter: 500);
    }

    [Fact]
    public async Task Engine_AnyTextInIntake_AlwaysRepliesAndKeepsItsState()
    {
        await _bot.Direct().Send("/profile").Send("IM").RunAsync();
        var texts = Hostile.Array[20].Single();
        foreach (var text in texts)
        {
            var replies = await _bot.Engine.HandleAsync(new InboundMessage("test", "dm", "u1", ChatKind.Direct, new TextContent(text)), CancellationToken.None);
            Assert.DoesNotContain(replies, r => r.Text.Contains("something went wrong", StringComparison.Ordinal));
            Assert.Contains("Internal Medicine", _bot.StoredProfileJson("u1"), StringComparison.Ordinal);
        }
    }
}
