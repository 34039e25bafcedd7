using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests;

public sealed class AdapterRegistrationTests
{
    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IConversationEngine>(new ScriptedEngine());
        return builder;
    }

    [Fact]
    public void WithoutToken_AdapterIsNotRegistered()
    {
        var builder = Builder([]);

        builder.AddDiscordAdapter();
        using var host = builder.Build();

        Assert.Empty(host.Services.GetServices<IChatAdapter>());
        Assert.Empty(host.Services.GetServices<IHostedService>());
    }

    [Fact]
    public void WithToken_AdapterIsRegisteredAsDiscord()
    {
        var builder = Builder(new() { ["SmartPick:Discord:Token"] = "t" });

        builder.AddDiscordAdapter();
        using var host = builder.Build();

        Assert.Equal("discord", Assert.Single(host.Services.GetServices<IChatAdapter>()).Platform);
    }

    [Theory]
    [InlineData("SmartPick:Discord:ApiBaseUrl", "not a url")]
    [InlineData("SmartPick:Discord:GuildId", "my-guild")]
    [InlineData("SmartPick:Discord:ShardCount", "0")]
    public async Task InvalidSetting_FailsOnStart_NamingTheSetting(string key, string value)
    {
        var builder = Builder(new() { ["SmartPick:Discord:Token"] = "t", [key] = value });
        builder.AddDiscordAdapter();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
