using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;
using SmartPick.Bot.Http;

namespace SmartPick.Bot.Tests.Http;

/// <summary>
/// One Kestrel server (SmartPick:Http:Urls) serves /healthz, /readyz, /metrics, the Telegram webhook and the Discord
/// interactions endpoint, with both adapters enabled in the real host composition.
/// </summary>
public sealed class FrontDoorTests : IAsyncLifetime, IDisposable
{
    private const string Secret = "s3cret_Token-1";
    private const long ChatId = 987654321;
    private readonly string database = Path.Combine(Path.GetTempPath(), $"smartpick-http-{Guid.NewGuid():N}.db");
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private MiniPlatforms platforms = null!;
    private IHost host = null!;
    private string baseUrl = string.Empty;

    public async Task InitializeAsync()
    {
        platforms = await MiniPlatforms.StartAsync();
        var builder = BotHost.CreateBuilder(
        [
            "--SmartPick:Http:Urls=http://127.0.0.1:0",
            $"--SmartPick:Storage:ConnectionString=Data Source={database}",
            "--SmartPick:Discord:Token=" + MiniPlatforms.DiscordToken,
            $"--SmartPick:Discord:ApiBaseUrl={platforms.BaseUrl}/api/v10",
            "--SmartPick:Discord:RegisterCommands=false",
            "--SmartPick:Discord:PublicKey=" + Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            "--SmartPick:Telegram:Token=" + MiniPlatforms.TelegramToken,
            "--SmartPick:Telegram:ApiBaseUrl=" + platforms.BaseUrl,
            "--SmartPick:Telegram:Mode=Webhook",
            "--SmartPick:Telegram:Webhook:Url=https://bot.example.org/telegram/update",
            "--SmartPick:Telegram:Webhook:SecretToken=" + Secret,
            "--SmartPick:Telegram:PerChatIntervalMilliseconds=0",
        ], withAdapters: true);
        builder.Logging.ClearProviders();
        host = builder.Build();
        await host.StartAsync();
        baseUrl = host.Services.GetRequiredService<HttpFrontDoor>().Addresses[0];
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await platforms.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
    }

    public void Dispose()
    {
        http.Dispose();
        key.Dispose();
    }

    [Fact]
    public async Task Healthz_AnswersOk()
    {
        using var response = await http.GetAsync(baseUrl + "/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_FalseWithTheReasonWhileTheGatewayIsDown_TrueAfterItReturns()
    {
        // Arrange
        await WaitForReadinessAsync(HttpStatusCode.OK);

        // Act
        platforms.SetGatewayDown(true);
        var down = await WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable);
        platforms.SetGatewayDown(false);
        var up = await WaitForReadinessAsync(HttpStatusCode.OK);

        // Assert
        var discord = down.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "discord");
        Assert.False(down.GetProperty("ready").GetBoolean());
        Assert.False(discord.GetProperty("ready").GetBoolean());
        Assert.Contains("gateway", discord.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(up.GetProperty("ready").GetBoolean());
        Assert.Equal(["discord", "storage", "telegram"], up.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task TelegramWebhook_OnTheFrontDoor_ChecksTheSecret_AndTheUpdateIsAnswered()
    {
        // Arrange
        await WaitForReadinessAsync(HttpStatusCode.OK);
        var update = Update(1001);

        // Act
        var spoofed = await PostAsync("/telegram/update", update, ("X-Telegram-Bot-Api-Secret-Token", "wrong"));
        var delivered = await PostAsync("/telegram/update", update, ("X-Telegram-Bot-Api-Secret-Token", Secret));
        await WaitUntilAsync(() => platforms.TelegramMessages.Any(m => m.ChatId == ChatId));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, spoofed);
        Assert.Equal(HttpStatusCode.OK, delivered);
    }

    [Fact]
    public async Task DiscordInteractions_OnTheFrontDoor_PingIsPong_AndUnsignedIsRejected()
    {
        // Arrange
        const string ping = """{"id":"1","application_id":"333","type":1,"token":"t","version":1}""";
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + ping)));

        // Act
        using var signed = await SendAsync("/discord/interactions", ping, ("X-Signature-Ed25519", signature), ("X-Signature-Timestamp", timestamp));
        var unsigned = await PostAsync("/discord/interactions", ping, ("X-Signature-Timestamp", timestamp));

        // Assert
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await signed.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned);
    }

    [Fact]
    public async Task Metrics_ArePrometheusText_WithTheOperatorMetrics_AndNoUserIds()
    {
        // Arrange: one Telegram turn and one Discord identify.
        await WaitForReadinessAsync(HttpStatusCode.OK);
        var update = Update(2002);
        await PostAsync("/telegram/update", update, ("X-Telegram-Bot-Api-Secret-Token", Secret));
        await WaitUntilAsync(() => platforms.TelegramMessages.Any(m => m.ChatId == ChatId));

        // Act
        var scrape = string.Empty;
        await WaitUntilAsync(() =>
        {
            scrape = http.GetStringAsync(baseUrl + "/metrics").GetAwaiter().GetResult();
            return scrape.Contains("smartpick_turns_total", StringComparison.Ordinal);
        });

        // Assert
        Assert.Contains("kind=\"command\",platform=\"telegram\"} 1", Line(scrape, "smartpick_turns_total{"), StringComparison.Ordinal);
        Assert.Contains("kind=\"command\",platform=\"telegram\"} 1", Line(scrape, "smartpick_turn_duration_seconds_count{"), StringComparison.Ordinal);
        Assert.EndsWith("} 1", Line(scrape, "smartpick_telegram_update_lag_seconds_count{"), StringComparison.Ordinal);
        Assert.Contains("kind=\"identify\"} 1", Line(scrape, "smartpick_discord_gateway_sessions_total{"), StringComparison.Ordinal);
        Assert.DoesNotContain(ChatId.ToString(CultureInfo.InvariantCulture), scrape, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann", scrape, StringComparison.Ordinal);
    }

    private static string Line(string scrape, string prefix) =>
        scrape.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) ?? "(no line " + prefix + ")";

    private static string Update(int id) =>
        "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":" + TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()
        + ",\"chat\":{\"id\":" + ChatId + ",\"type\":\"private\"},\"from\":{\"id\":" + ChatId + ",\"is_bot\":false,\"first_name\":\"Ann\"},\"text\":\"/help\",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":5}]}}";

    private async Task<JsonElement> WaitForReadinessAsync(HttpStatusCode expected)
    {
        JsonElement body = default;
        await WaitUntilAsync(() =>
        {
            using var response = http.GetAsync(baseUrl + "/readyz").GetAwaiter().GetResult();
            body = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.Clone();
            return response.StatusCode == expected;
        });
        return body;
    }

    private async Task<HttpStatusCode> PostAsync(string path, string json, params (string Name, string Value)[] headers)
    {
        using var response = await SendAsync(path, json, headers);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await http.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(45))
            {
                throw new TimeoutException("Condition not reached in time.");
            }

            await Task.Delay(50);
        }
    }
}
