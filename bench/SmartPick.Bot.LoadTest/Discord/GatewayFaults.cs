using SmartPick.Bot.Discord.Tests.FakeDiscord;

namespace SmartPick.Bot.LoadTest.Discord;

/// <summary>What the gateway fault driver did and how the adapter recovered.</summary>
public sealed class GatewayFaultLog
{
    public List<string> Played { get; } = [];

    public List<double> RecoveryMs { get; } = [];
}

/// <summary>
/// Plays gateway faults while users are active, spread over the run: the TCP connection drops, op 7 (reconnect),
/// op 9 true (resumable invalid session), op 9 false (not resumable: the bot must identify; dispatches in between
/// are lost, as on Discord). Waits for each resume or identify before the next fault.
/// </summary>
public static class GatewayFaults
{
    private static readonly string[] Kinds = ["drop", "op7", "op9-resumable", "op9-new-session"];

    public static async Task RunAsync(FakeDiscordServer fake, Func<int> done, int totalSteps, int rounds, GatewayFaultLog faults, TextWriter log, Task all)
    {
        var count = Kinds.Length * rounds;
        for (var k = 0; k < count && !all.IsCompleted; k++)
        {
            var target = (int)(totalSteps * (k + 1) / (count + 1.5));
            while (done() < target && !all.IsCompleted)
            {
                await Task.Delay(20);
            }

            var kind = Kinds[k % Kinds.Length];
            var gateway = fake.Gateway;
            var (resumes, identifies) = (gateway.Resumes, gateway.Identifies);
            var at = Discord.DiscordInboxes.NowMs;
            switch (kind)
            {
                case "drop":
                    gateway.Drop();
                    break;
                case "op7":
                    await gateway.SendRawAsync("""{"op":7,"d":null}""");
                    break;
                case "op9-resumable":
                    await gateway.InvalidateSessionAsync(resumable: true);
                    break;
                default:
                    await gateway.InvalidateSessionAsync(resumable: false);
                    break;
            }

            var fresh = kind == "op9-new-session";
            await DiscordLoadRun.WaitUntilAsync(() => fresh ? gateway.Identifies > identifies : gateway.Resumes > resumes, TimeSpan.FromSeconds(60), kind + " recovery");
            var took = Discord.DiscordInboxes.NowMs - at;
            faults.Played.Add(kind);
            faults.RecoveryMs.Add(took);
            log.WriteLine($"fault {k + 1}: {kind} at {done()}/{totalSteps} steps; {(fresh ? "identified" : "resumed")} after {took:F0} ms");
        }
    }
}
