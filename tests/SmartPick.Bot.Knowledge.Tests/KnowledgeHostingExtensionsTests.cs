using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Knowledge.Ai;
using SmartPick.Bot.Knowledge.Answering;
using SmartPick.Bot.Knowledge.Tests.Support;

namespace SmartPick.Bot.Knowledge.Tests;

public sealed class KnowledgeHostingExtensionsTests
{
    [Fact]
    public async Task AddKnowledge_NoAiSettings_UsesRetrievalAnswererOverTheShippedGuide()
    {
        using var host = Build([]);
        await host.StartAsync();

        var answerer = host.Services.GetRequiredService<IGuideAnswerer>();
        var answer = await answerer.AnswerAsync("Do I need Step 3 for an H-1B?", null, CancellationToken.None);

        Assert.IsType<RetrievalGuideAnswerer>(answerer);
        Assert.True(answer.Covered);
        Assert.StartsWith("guide/visas.md#", answer.Citations[0].Reference, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public void AddKnowledge_OllamaWithModel_UsesSemanticAnswerer()
    {
        using var host = Build(new() { ["SmartPick:Ai:Provider"] = "Ollama", ["SmartPick:Ai:Model"] = "qwen2.5:7b" });

        Assert.IsType<SemanticGuideAnswerer>(host.Services.GetRequiredService<IGuideAnswerer>());
    }

    [Theory]
    [InlineData("OpenAI", null, "sk-x", "SmartPick:Ai:Model")]
    [InlineData("OpenAI", null, null, "SmartPick:Ai:ApiKey")]
    [InlineData("AzureOpenAI", null, "k", "SmartPick:Ai:Endpoint")]
    [InlineData("Ollama", "ftp://x/v1", null, "SmartPick:Ai:Endpoint")]
    public async Task StartAsync_IncompleteAiSettings_FailsNamingTheSetting(string provider, string? endpoint, string? key, string setting)
    {
        var settings = new Dictionary<string, string?> { ["SmartPick:Ai:Provider"] = provider, ["SmartPick:Ai:Endpoint"] = endpoint, ["SmartPick:Ai:ApiKey"] = key };
        if (setting != "SmartPick:Ai:Model")
        {
            settings["SmartPick:Ai:Model"] = "m";
        }

        using var host = Build(settings);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TimeoutOutOfRange_FailsNamingTheSetting()
    {
        using var host = Build(new() { ["SmartPick:Ai:TimeoutSeconds"] = "0" });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("SmartPick:Ai:TimeoutSeconds", ex.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["SmartPick:Knowledge:GuidePath"] = TestPaths.Knowledge,
            ["SmartPick:Knowledge:PromptsPath"] = TestPaths.Prompts,
        });
        builder.AddKnowledge();
        return builder.Build();
    }
}
