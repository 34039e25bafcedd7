namespace SmartPick.Ranking.Tests.Catalog;

/// <summary>A throw-away copy of knowledge/programs and knowledge/outcomes (what the ranking model reads).</summary>
internal sealed class TempKnowledge : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("smartpick-catalog-");

    public TempKnowledge()
    {
        foreach (var part in new[] { "programs", "outcomes" })
        {
            var from = System.IO.Path.Combine(TestData.KnowledgeDirectory, part);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = System.IO.Path.Combine(Path, part, System.IO.Path.GetRelativePath(from, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }
    }

    public string Path => _root.FullName;

    public string Socal(string file) => System.IO.Path.Combine(Path, "programs", "socal", file);

    public void Dispose() => _root.Delete(recursive: true);
}
