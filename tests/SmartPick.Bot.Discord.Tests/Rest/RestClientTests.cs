using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SmartPick.Bot.Discord.Interactions;
using SmartPick.Bot.Discord.Rest;
using SmartPick.Bot.Discord.Telemetry;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Rest;

/// <summary>The REST client and its rate-limit handler against the fake Discord's REST side.</summary>
public sealed class RestClientTests : IAsyncLifetime, IDisposable
{
    private static readonly MessageBody Hello = new() { Content = "hello" };
    private readonly SignalingTimeProvider time = new();
    private FakeDiscordServer fake = null!;
    private HttpClient http = null!;
    private DiscordRestClient rest = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeDiscordServer.StartAsync(time);
        var handler = new RateLimitHandler(time, new DiscordMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), NullLogger<RateLimitHandler>.Instance) { InnerHandler = new SocketsHttpHandler() };
        http = new HttpClient(handler) { BaseAddress = new Uri(fake.ApiBase + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", FakeDiscordServer.Token);
        rest = new DiscordRestClient(http);
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task TooManyRequests_WaitsRetryAfterSecondsThenRetries()
    {
        fake.Limits.Enqueue(new ScriptedLimit("/channels/", 1.25));

        var send = rest.CreateMessageAsync("700", Hello, null, CancellationToken.None);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1.25));
        time.Advance(TimeSpan.FromSeconds(1.25));
        await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, fake.RequestsTo("/channels/700/messages").Count());
    }

    [Fact]
    public async Task EmptyBucket_QueuesTheNextRequestUntilReset()
    {
        // Arrange: the first answer says the bucket is empty for 2 s.
        fake.ExhaustedBuckets.Enqueue(("/channels/700/", 2));
        await rest.CreateMessageAsync("700", Hello, null, CancellationToken.None);

        // Act
        var second = rest.CreateMessageAsync("700", Hello, null, CancellationToken.None);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        var sentBeforeReset = fake.RequestsTo("/channels/700/messages").Count();
        time.Advance(TimeSpan.FromSeconds(2));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert
        Assert.Equal(1, sentBeforeReset);
        Assert.Equal(2, fake.RequestsTo("/channels/700/messages").Count());
    }

    [Fact]
    public async Task OtherChannels_AreNotHeldByAnEmptyBucket()
    {
        fake.ExhaustedBuckets.Enqueue(("/channels/700/", 30));
        await rest.CreateMessageAsync("700", Hello, null, CancellationToken.None);

        await rest.CreateMessageAsync("701", Hello, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(fake.RequestsTo("/channels/701/messages"));
    }

    [Fact]
    public async Task HeaderlessTooManyRequests_TripsTheBreakerInsteadOfRetrying()
    {
        fake.Limits.Enqueue(new ScriptedLimit("/channels/", 1, Headerless: true));

        await Assert.ThrowsAsync<DiscordRestException>(() => rest.CreateMessageAsync("700", Hello, null, CancellationToken.None));
        var blocked = await Assert.ThrowsAsync<DiscordRestException>(() => rest.GetGatewayBotAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.Status);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task InteractionCallback_AfterThreeSeconds_Is10062_AndSecondAck_Is40060()
    {
        // Arrange
        var late = System.Text.Json.JsonDocument.Parse(fake.NewInteraction(2, "{}", inGuild: false)).RootElement;
        var onTime = System.Text.Json.JsonDocument.Parse(fake.NewInteraction(2, "{}", inGuild: false)).RootElement;
        var pong = new InteractionCallback(CallbackType.ChannelMessage, Hello);

        // Act
        await rest.CreateInteractionResponseAsync(onTime.GetProperty("id").GetString()!, onTime.GetProperty("token").GetString()!, pong, null, CancellationToken.None);
        var twice = await Assert.ThrowsAsync<DiscordRestException>(() => rest.CreateInteractionResponseAsync(onTime.GetProperty("id").GetString()!, onTime.GetProperty("token").GetString()!, pong, null, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(3.1));
        var expired = await Assert.ThrowsAsync<DiscordRestException>(() => rest.CreateInteractionResponseAsync(late.GetProperty("id").GetString()!, late.GetProperty("token").GetString()!, pong, null, CancellationToken.None));

        // Assert
        Assert.Equal(DiscordRestException.AlreadyAcknowledged, twice.Code);
        Assert.Equal(DiscordRestException.UnknownInteraction, expired.Code);
    }

    [Fact]
    public async Task Responder_RefusesASecondAcknowledgementLocally()
    {
        var json = System.Text.Json.JsonDocument.Parse(fake.NewInteraction(2, "{}", inGuild: false)).RootElement;
        var responder = new InteractionResponder(rest, Interaction.Parse(json));
        var callback = new InteractionCallback(CallbackType.ChannelMessage, Hello);

        await responder.AcknowledgeAsync(callback, null, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => responder.AcknowledgeAsync(callback, null, CancellationToken.None));

        Assert.Equal(0, fake.AlreadyAcknowledgedCount);
    }

    [Fact]
    public async Task CommandRegistration_IsSkippedWhenTheDefinitionsAreUnchanged()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var state = new SmartPick.Bot.Discord.Hosting.DiscordStateStore(services.GetRequiredService<IServiceScopeFactory>());
        var registrar = new CommandRegistrar(rest, state, Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Token = "t", GuildId = "222" }), NullLogger<CommandRegistrar>.Instance);

        await registrar.RegisterAsync("333", CancellationToken.None);
        await registrar.RegisterAsync("333", CancellationToken.None);

        Assert.Single(fake.RequestsTo("/applications/333/guilds/222/commands"));
        Assert.Empty(fake.ValidationErrors);
    }

    [Fact]
    public void Routes_AreKeyedByTemplateAndMajorParameter_WithTokensHidden()
    {
        var callback = DiscordRoute.From(new HttpRequestMessage(HttpMethod.Post, "https://discord.com/api/v10/interactions/123/secret-token/callback"));
        var message = DiscordRoute.From(new HttpRequestMessage(HttpMethod.Post, "https://discord.com/api/v10/channels/700/messages"));
        var original = DiscordRoute.From(new HttpRequestMessage(HttpMethod.Patch, "https://discord.com/api/v10/webhooks/333/tok/messages/@original"));

        Assert.Equal("POST /interactions/123/:token/callback", callback.Template);
        Assert.True(callback.IsInteraction);
        Assert.Equal("channels/700", message.Major);
        Assert.False(message.IsInteraction);
        Assert.DoesNotContain("tok", original.Template.Replace(":token", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(original.IsInteraction);
    }

    [Fact]
    public void InteractionFollowups_EachTokenHasItsOwnBucket_TheTokenStaysOutOfTheKey()
    {
        // Discord limits webhooks per id and token: one interaction's followups must not queue behind every other's.
        var first = DiscordRoute.From(new HttpRequestMessage(HttpMethod.Post, "https://discord.com/api/v10/webhooks/333/aW50ZXJhY3Rpb246MTIz"));
        var again = DiscordRoute.From(new HttpRequestMessage(HttpMethod.Post, "https://discord.com/api/v10/webhooks/333/aW50ZXJhY3Rpb246MTIz"));
        var other = DiscordRoute.From(new HttpRequestMessage(HttpMethod.Post, "https://discord.com/api/v10/webhooks/333/aW50ZXJhY3Rpb246NDU2"));

        Assert.Equal(first.Template, other.Template);
        Assert.Equal(first.Major, again.Major);
        Assert.NotEqual(first.Major, other.Major);
        Assert.StartsWith("webhooks/333/", first.Major, StringComparison.Ordinal);
        Assert.DoesNotContain("aW50ZXJhY3Rpb24", first.Major, StringComparison.Ordinal);
    }
}
