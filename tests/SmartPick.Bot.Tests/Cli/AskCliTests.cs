using System.Text.Json;
using SmartPick.Bot.Cli;

namespace SmartPick.Bot.Tests.Cli;

/// <summary><c>ask --format json</c>: the documented shape, with <c>parts</c> for multi-part questions.</summary>
public sealed class AskCliTests
{
    [Fact]
    public async Task MultiPartQuestion_Json_AnswersEachPartWithItsOwnCitations()
    {
        using var json = await AskJsonAsync("1) how many programs should i apply to 2) do i need step 3 for a J-1 visa?");
        var root = json.RootElement;

        var parts = root.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("question").GetString()));
            Assert.True(p.GetProperty("covered").GetBoolean());
            Assert.NotEmpty(p.GetProperty("citations").EnumerateArray());
        });
        Assert.NotEqual(Sections(parts[0]).First(), Sections(parts[1]).First());

        // Top level: covered when any part is, citations the union of the parts'.
        Assert.True(root.GetProperty("covered").GetBoolean());
        Assert.Superset(parts.SelectMany(Sections).ToHashSet(), Sections(root).ToHashSet());
    }

    [Fact]
    public async Task SingleQuestion_Json_HasNoParts()
    {
        using var json = await AskJsonAsync("how do ERAS signals work?");

        Assert.False(json.RootElement.TryGetProperty("parts", out _));
        Assert.True(json.RootElement.GetProperty("covered").GetBoolean());
        Assert.NotEmpty(json.RootElement.GetProperty("citations").EnumerateArray());
    }

    private static IEnumerable<string> Sections(JsonElement answer) =>
        answer.GetProperty("citations").EnumerateArray().Select(c => $"{c.GetProperty("file").GetString()}#{c.GetProperty("section").GetString()}");

    private static async Task<JsonDocument> AskJsonAsync(string question)
    {
        using var stdin = new StringReader("");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["ask", question, "--format", "json", "--SmartPick:Knowledge:Embeddings=false"], stdin, stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        return JsonDocument.Parse(stdout.ToString());
    }
}
