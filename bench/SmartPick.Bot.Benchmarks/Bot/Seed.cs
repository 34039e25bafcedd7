using SmartPick.Bot.Core.Engine;

namespace SmartPick.Bot.Benchmarks.Bot;

/// <summary>Stores complete profiles through the engine, the way users' /profile set commands do.</summary>
public static class Seed
{
    private static readonly string[] Commands =
    [
        "set specialties Internal Medicine", "set type non-US IMG", "set step2ck 232", "set gradyear 2019",
        "set visa J-1", "set usce 6", "set regions SoCal",
    ];

    public static async Task ProfilesAsync(IConversationEngine engine, int users, int firstUser = 0)
    {
        for (var u = firstUser; u < firstUser + users; u++)
        {
            foreach (var command in Commands)
            {
                await engine.HandleAsync(BotFixture.Command(u, "profile", command), CancellationToken.None);
            }
        }
    }
}
