namespace SmartPick.Bot.Benchmarks.Bot;

/// <summary>Finds the repository root (the folder holding SmartPick.Bot.sln) from the output folder or the working directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SmartPick.Bot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("SmartPick.Bot.sln not found; run from the repository root");
    }
}
