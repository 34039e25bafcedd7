namespace SmartPick.Bot.Knowledge.Tests.Support;

internal static class TestPaths
{
    /// <summary>The knowledge folder copied next to the test assembly (see the csproj).</summary>
    public static string Knowledge => Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static string Prompts => Path.Combine(AppContext.BaseDirectory, "prompts");

    public static string Questions => Path.Combine(AppContext.BaseDirectory, "Evaluation", "questions.json");

    /// <summary>The repository root: the first folder above the test output that holds the solution file.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmartPick.Bot.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("SmartPick.Bot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The seed guide lives beside the repository: &lt;repo&gt;/../shared/seed.</summary>
    public static string Seed => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seed"));
}
