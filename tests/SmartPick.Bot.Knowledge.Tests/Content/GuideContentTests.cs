using System.Globalization;
using System.Text.RegularExpressions;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Knowledge.Guide;
using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Bot.Knowledge.Tests.Evaluation;
using SmartPick.Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.Knowledge.Tests.Content;

/// <summary>Checks on the real knowledge/ folder as the host ships it.</summary>
public sealed partial class GuideContentTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<GuideSection>> Sections = new(() => GuideMarkdownParser.ParseFolder(TestPaths.Knowledge));

    [Fact]
    public async Task IndexBuild_RealKnowledgeFolder_IndexesEverySectionWithStableIds()
    {
        // Act
        using var index = await GuideIndex.BuildAsync(Sections.Value, "Data Source=:memory:", CancellationToken.None);

        // Assert
        output.WriteLine($"{index.Sections.Count} sections from {index.Sections.Select(s => s.File).Distinct().Count()} files");
        Assert.True(index.Sections.Count >= 40, "expected the full guide");
        Assert.All(index.Sections, s => Assert.Matches(KebabId(), s.Id));
        Assert.Empty(index.Sections.GroupBy(s => s.Reference).Where(g => g.Count() > 1).Select(g => g.Key));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.Knowledge, "guide"), "*.md"))
        {
            var lines = File.ReadAllLines(file);
            Assert.StartsWith("# ", lines[0], StringComparison.Ordinal);
            Assert.All(lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)), l => Assert.Matches(HeadingWithId(), l));
        }
    }

    [Fact]
    public async Task Citations_EvaluationLabelsAndAnswers_PointToExistingSections()
    {
        // Arrange
        var existing = Sections.Value.Select(s => s.Reference).ToHashSet(StringComparer.Ordinal);
        var questions = EvaluationQuestion.Load();

        // Act
        var cited = new List<string>();
        foreach (var q in questions)
        {
            var answer = await Answerers.RealGuide.Value.AnswerAsync(q.Question, null, CancellationToken.None);
            cited.AddRange(answer.Citations.Select(c => c.Reference));
        }

        // Assert
        Assert.Empty(questions.SelectMany(q => q.Expected).Where(r => !existing.Contains(r)).Distinct());
        Assert.NotEmpty(cited);
        Assert.Empty(cited.Where(r => !existing.Contains(r)).Distinct());
    }

    [Fact]
    public void ChatLabels_PointToExistingSections()
    {
        var existing = Sections.Value.Select(s => s.Reference).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(ChatQuestion.Load().SelectMany(q => q.Expected).Where(r => !existing.Contains(r)).Distinct());
    }

    [Fact]
    public void Sections_AreShortEnoughToAnswerWhole()
    {
        // One section, its heading line and the Related line must fit Discord's 2,000 characters.
        Assert.Empty(Sections.Value.Where(s => s.Markdown.Length > 1650).Select(s => $"{s.Reference} ({s.Markdown.Length})"));
    }

    [Fact]
    public void Sections_RenderedAsAnswers_NeverEndInADanglingLeadIn()
    {
        // A retrieval answer is one whole section, so checking every section covers every single-part answer.
        var dangling = Sections.Value
            .Where(s => AnswerEvaluation.HasDanglingLeadIn(Core.Messaging.Markup.ToPlainText(GuideMarkup.BlockToMarkup(s.Markdown))))
            .Select(s => s.Reference);

        Assert.Empty(dangling);
    }

    [Theory]
    [InlineData("The statement has three jobs:", true)]
    [InlineData("Cutoffs come in two strengths:\n\nRelated: Screening", true)]
    [InlineData("Cutoffs come in two strengths:\n- hard\n- soft", false)]
    public void HasDanglingLeadIn_RecognisesALeadInWithoutItsList(string text, bool expected) =>
        Assert.Equal(expected, AnswerEvaluation.HasDanglingLeadIn(text));

    [Fact]
    public void TimelineGuide_DatesAgreeWithCyclesCsv()
    {
        var csv = CycleTimeline.Load(Path.Combine(TestPaths.Knowledge, "timeline", "cycles.csv"));
        var known = csv.Events.Select(e => e.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        var dates = Sections.Value.Single(s => s.Reference == "guide/timeline.md#dates-2026-27").Markdown;

        var stated = DayMonthYear().Matches(dates).Select(m => m.Value).ToList();

        Assert.NotEmpty(stated);
        Assert.All(stated, d => Assert.Contains(d, known));
    }

    [Fact]
    public void CrossReferences_LinksBetweenGuideFiles_PointToExistingSections()
    {
        var existing = Sections.Value.Select(s => s.Reference).ToHashSet(StringComparer.Ordinal);
        var broken = Sections.Value
            .SelectMany(s => GuideLink().Matches(s.Markdown).Select(m => (From: s.Reference, To: "guide/" + m.Groups["file"].Value + (m.Groups["id"].Success ? "#" + m.Groups["id"].Value : string.Empty))))
            .Where(l => l.To.Contains('#', StringComparison.Ordinal) ? !existing.Contains(l.To) : !existing.Any(e => e.StartsWith(l.To + "#", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(broken);
    }

    /// <summary>
    /// Hashes of every 8-word run of the seed guide (../shared/seed), committed so the check runs wherever the tests
    /// run, without shipping the seed's text. Regenerate with SMARTPICK_WRITE_SEED_HASHES=1 when the seed changes.
    /// </summary>
    private static string SeedHashesPath => Path.Combine(TestPaths.RepoRoot, "tests", "SmartPick.Bot.Knowledge.Tests", "Content", "seed-shingles.sha256");

    [Fact]
    public void Knowledge_ComparedWithSeedGuide_SharesNoRunOfEightWords()
    {
        // Arrange
        var seedHashes = File.ReadAllLines(SeedHashesPath).ToHashSet(StringComparer.Ordinal);
        Assert.True(seedHashes.Count > 1000, "the seed hash list looks truncated");

        // Act
        var copied = Directory.EnumerateFiles(TestPaths.Knowledge, "*.md", SearchOption.AllDirectories)
            .SelectMany(f => Shingles(File.ReadAllText(f)).Where(s => seedHashes.Contains(Hash(s))).Select(s => $"{Path.GetFileName(f)}: \"{s}\""))
            .Distinct()
            .ToList();

        // Assert
        Assert.True(copied.Count == 0, "8+ consecutive words copied from the seed:\n" + string.Join('\n', copied));
    }

    [Fact]
    public void SeedHashList_MatchesTheSeedGuide_WhenTheSeedIsPresent()
    {
        if (!Directory.Exists(TestPaths.Seed))
        {
            output.WriteLine($"seed folder {TestPaths.Seed} is absent; the committed hash list is used as is.");
            return;
        }

        var expected = Directory.EnumerateFiles(TestPaths.Seed, "*.txt")
            .SelectMany(f => Shingles(File.ReadAllText(f)))
            .Select(Hash)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        if (Environment.GetEnvironmentVariable("SMARTPICK_WRITE_SEED_HASHES") == "1")
        {
            File.WriteAllLines(SeedHashesPath, expected);
        }

        Assert.Equal(expected, File.ReadAllLines(SeedHashesPath));
    }

    private static string Hash(string shingle) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(shingle)))[..16];

    /// <summary>Every run of 8 consecutive words, lower-cased, punctuation and markdown dropped.</summary>
    private static IEnumerable<string> Shingles(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal)).Select(m => m.Value.Replace("'", string.Empty, StringComparison.Ordinal)).ToList();
        for (var i = 0; i + 8 <= words.Count; i++)
        {
            yield return string.Join(' ', words.Skip(i).Take(8));
        }
    }

    [GeneratedRegex(@"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();

    [GeneratedRegex(@"^## .+ \{#[a-z0-9]+(-[a-z0-9]+)*\}$")]
    private static partial Regex HeadingWithId();

    [GeneratedRegex(@"\]\((?:\./)?(?<file>[a-z0-9-]+\.md)(?:#(?<id>[a-z0-9-]+))?\)")]
    private static partial Regex GuideLink();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
