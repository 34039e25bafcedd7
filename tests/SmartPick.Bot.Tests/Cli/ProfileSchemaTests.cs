using System.Text.Json;
using Json.Schema;
using SmartPick.Bot.Tests.Architecture;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Tests.Cli;

/// <summary>The committed JSON Schema and the C# model describe the same profile.</summary>
public sealed class ProfileSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(DependencyRuleTests.RepoRoot(), "docs", "profile.schema.json"));

    [Fact]
    public void Example_ValidatesAndRoundTrips()
    {
        var json = File.ReadAllText(Path.Combine(DependencyRuleTests.RepoRoot(), "docs", "examples", "profile.json"));

        Assert.True(Schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
        var profile = ProfileJson.Deserialize(json);
        Assert.True(Schema.Evaluate(JsonDocument.Parse(ProfileJson.Serialize(profile)).RootElement).IsValid);
        Assert.Equal(232, profile.Step2ck?.Score);
    }

    [Theory]
    [InlineData("""{"specialties":["IM"],"step2ck":{"score":301}}""")]
    [InlineData("""{"specialties":[]}""")]
    [InlineData("""{"specialties":["IM"],"visa":"L1"}""")]
    [InlineData("""{"specialties":["IM"],"extra":1}""")]
    public void InvalidProfiles_AreRejectedByBothSchemaAndModel(string json)
    {
        Assert.False(Schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
        Assert.Throws<ProfileFormatException>(() => ProfileJson.Deserialize(json));
    }
}
