using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.HttpInteractions;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.HttpInteractions;

/// <summary>HTTP interactions mode: Discord signs requests with Ed25519; the endpoint is mapped in a small Kestrel app.</summary>
public sealed class InteractionEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly HttpClient client = new();
    private BotHarness bot = null!;
    private WebApplication web = null!;
    private string url = string.Empty;

    public async Task InitializeAsync()
    {
        bot = await BotHarness.StartAsync(publicKey: Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        var endpoint = bot.Host.Services.GetRequiredService<DiscordInteractionEndpoint>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        web = builder.Build();
        web.MapPost("/interactions", async (HttpRequest request) =>
        {
            using var raw = new MemoryStream();
            await request.Body.CopyToAsync(raw);
            var result = endpoint.Handle(raw.ToArray(), request.Headers["X-Signature-Ed25519"], request.Headers["X-Signature-Timestamp"]);
            return result.JsonBody is null ? Results.StatusCode(result.StatusCode) : Results.Content(result.JsonBody, "application/json", Encoding.UTF8, result.StatusCode);
        });
        await web.StartAsync();
        url = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/interactions";
    }

    public async Task DisposeAsync()
    {
        await web.DisposeAsync();
        await bot.DisposeAsync();
    }

    public void Dispose()
    {
        key.Dispose();
        client.Dispose();
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? signFor = null, TimeSpan? age = null, bool sign = true)
    {
        var timestamp = (bot.Time.GetUtcNow() - (age ?? TimeSpan.Zero)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (sign)
        {
            var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + (signFor ?? body)));
            request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Ping_WithValidSignature_IsAnsweredWithPongJson()
    {
        using var response = await PostAsync("""{"type":1,"id":"1","application_id":"333","token":"t","version":1}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BadMissingOrStaleSignatures_Are401()
    {
        using var tampered = await PostAsync("""{"type":1}""", signFor: """{"type":2}""");
        using var missing = await PostAsync("""{"type":1}""", sign: false);
        using var stale = await PostAsync("""{"type":1}""", age: TimeSpan.FromMinutes(10));

        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    [Fact]
    public async Task Command_IsAccepted_ThenAnsweredOnceThroughTheCallbackRoute()
    {
        // Arrange
        bot.Engine.Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([Reply.Private("Your list")]);
        var interaction = bot.Fake.NewInteraction(2, """{"id":"1","name":"rank","type":1}""", inGuild: true);
        var id = System.Text.Json.JsonDocument.Parse(interaction).RootElement.GetProperty("id").GetString()!;

        // Act
        using var response = await PostAsync(interaction);
        await BotHarness.WaitUntilAsync(() => bot.Fake.Interactions[id].AckType is not null);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        Assert.Equal(4, bot.Fake.Interactions[id].AckType);
        Assert.Equal(0, bot.Fake.AlreadyAcknowledgedCount);
        Assert.Empty(bot.Fake.ValidationErrors);
    }
}
