using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.Configuration;

public sealed class AddTelegramAdapterTests
{
    [Fact]
    public void AddTelegramAdapter_WithoutToken_RegistersNothing()
    {
        var builder = TestBot.Builder(new Dictionary<string, string?>());

        builder.AddTelegramAdapter();

        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(IChatAdapter));
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public void AddTelegramAdapter_WithToken_RegistersTheTelegramAdapter()
    {
        using var host = Build(new() { ["SmartPick:Telegram:Token"] = "123:abc" });

        Assert.Equal("telegram", Assert.Single(host.Services.GetServices<IChatAdapter>()).Platform);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:1")]
    [InlineData("http://127.0.0.1:8081/some/path")]
    public async Task StartAsync_BadApiBaseUrl_FailsFastNamingTheSetting(string url)
    {
        using var host = Build(new() { ["SmartPick:Telegram:Token"] = "123:abc", ["SmartPick:Telegram:ApiBaseUrl"] = url });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SmartPick:Telegram:ApiBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WebhookModeWithoutItsSettings_FailsNamingEachOne()
    {
        using var host = Build(new() { ["SmartPick:Telegram:Token"] = "123:abc", ["SmartPick:Telegram:Mode"] = "Webhook", ["SmartPick:Telegram:Webhook:SecretToken"] = "has spaces", ["SmartPick:Storage:ConnectionString"] = "Data Source=:memory:" }, withStorage: true);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SmartPick:Telegram:Webhook:Url", error.Message, StringComparison.Ordinal);
        Assert.Contains("SmartPick:Http:Urls", error.Message, StringComparison.Ordinal);
        Assert.Contains("SmartPick:Telegram:Webhook:SecretToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("has spaces", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_MalformedToken_FailsWithoutEchoingIt()
    {
        using var host = Build(new() { ["SmartPick:Telegram:Token"] = "secret-without-id" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SmartPick:Telegram:Token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-without-id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TokenRejectedByTelegram_StopsTheHost()
    {
        await using var api = await FakeBotApi.StartAsync();
        var settings = TestBot.Settings(api);
        settings["SmartPick:Telegram:Token"] = "123456:revoked";
        using var host = Build(settings);
        var stopping = new TaskCompletionSource();
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());

        await host.StartAsync();

        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(401, Assert.Single(api.CallsOf("getMe")).Status);
        await host.StopAsync();
    }

    [Fact]
    public void ClientOptions_OfficialServer_IsTheLibraryDefault()
    {
        var options = TelegramAdapterExtensions.ClientOptions(new TelegramOptions { Token = "123:abc" });

        Assert.False(options.LocalBotServer);
        Assert.Equal("https://api.telegram.org/bot123:abc", options.BaseRequestUrl);
        Assert.Equal(0, options.RetryThreshold);
    }

    [Fact]
    public void ClientOptions_SelfHostedServer_UsesTheConfiguredBaseUrl()
    {
        var options = TelegramAdapterExtensions.ClientOptions(new TelegramOptions { Token = "123:abc", ApiBaseUrl = "http://127.0.0.1:8081" });

        Assert.Equal("http://127.0.0.1:8081/bot123:abc", options.BaseRequestUrl);
    }

    /// <summary>Webhook mode keeps deliveries in the storage's inbox, so it needs storage (<paramref name="withStorage"/>) as the host always has.</summary>
    private static IHost Build(Dictionary<string, string?> settings, bool withStorage = false)
    {
        var builder = TestBot.Builder(settings);
        builder.Services.AddSingleton<IConversationEngine>(new FakeEngine());
        if (withStorage)
        {
            SmartPick.Bot.Storage.StorageHostingExtensions.AddSqliteStorage(builder);
        }

        builder.Services.AddSingleton<IAdapterStateStore>(new InMemoryAdapterStateStore());
        builder.AddTelegramAdapter();
        return builder.Build();
    }
}
