using System.Xml.Linq;

namespace SmartPick.Bot.Tests.Architecture;

/// <summary>The dependency rules of docs/architecture.md, checked on the compiled assemblies and the project files.</summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] Forbidden = ["Telegram", "Discord", "SemanticKernel", "Sqlite", "SQLite", "Npgsql", "ScottPlot", "SmartPick.Bot.Storage", "SmartPick.Bot.Knowledge"];

    [Fact]
    public void Core_ReferencesNoPlatformAiOrDatabaseAssembly()
    {
        var references = typeof(Core.Engine.ConversationEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => Forbidden.Any(f => r.Contains(f, StringComparison.OrdinalIgnoreCase)));
        Assert.All(references, r => Assert.True(
            r.StartsWith("System", StringComparison.Ordinal) || r.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || r is "SmartPick.Ranking" or "netstandard",
            $"Core references {r}"));
    }

    [Fact]
    public void Ranking_ReferencesOnlyTheBcl()
    {
        var references = typeof(Ranking.Profiles.ApplicantProfile).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", $"Ranking references {r}"));
        Assert.All(PackageReferences("SmartPick.Ranking"), p => Assert.Equal("Microsoft.CodeAnalysis.BannedApiAnalyzers", p));
    }

    [Theory]
    [InlineData("SmartPick.Bot.Storage")]
    [InlineData("SmartPick.Bot.Storage.Postgres")]
    [InlineData("SmartPick.Bot.Knowledge")]
    [InlineData("SmartPick.Bot.Telegram")]
    [InlineData("SmartPick.Bot.Discord")]
    public void AdaptersKnowledgeAndStorage_ReferenceCoreButNotEachOther(string project)
    {
        var references = ProjectReferences(project);

        Assert.Contains("SmartPick.Bot.Core", references);
        string[] siblings = ["SmartPick.Bot.Storage", "SmartPick.Bot.Storage.Postgres", "SmartPick.Bot.Knowledge", "SmartPick.Bot.Telegram", "SmartPick.Bot.Discord", "SmartPick.Bot"];
        Assert.Empty(references.Intersect(siblings.Where(s => s != project)));
    }

    /// <summary>Abstractions, plus the options packages (binding and validation of RankingOptions live with the advisor).</summary>
    [Fact]
    public void CoreProject_HasOnlyAbstractionsAndOptionsPackages()
    {
        Assert.All(PackageReferences("SmartPick.Bot.Core"), p => Assert.True(
            p.EndsWith(".Abstractions", StringComparison.Ordinal) || p.StartsWith("Microsoft.Extensions.Options", StringComparison.Ordinal) || p == "Microsoft.CodeAnalysis.BannedApiAnalyzers",
            $"Core package {p}"));
    }

    private static IReadOnlyList<string> ProjectReferences(string project) =>
        Project(project).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    private static IReadOnlyList<string> PackageReferences(string project) =>
        Project(project).Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();

    private static XDocument Project(string project) => XDocument.Load(Path.Combine(RepoRoot(), "src", project, project + ".csproj"));

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmartPick.Bot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
