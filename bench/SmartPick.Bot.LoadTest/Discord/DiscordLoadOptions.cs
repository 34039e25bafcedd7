using System.Globalization;

namespace SmartPick.Bot.LoadTest.Discord;

/// <param name="Users">Simulated users, each doing the Discord intake and /rank.</param>
/// <param name="GatewayFaults">Play gateway faults during the run: drop, op 7, op 9 (resumable), op 9 (not resumable).</param>
/// <param name="Rounds">How many times the four faults are played.</param>
/// <param name="ThinkSeconds">Longest pause a user takes before each step (0: none, every user acts the moment it is answered).</param>
/// <param name="ValidateOneIn">The fake validates one request body in this many (1: all; validation costs more CPU than the bot).</param>
public sealed record DiscordLoadOptions(int Users = 30, bool GatewayFaults = false, int Rounds = 1, int ReplyTimeoutSeconds = 120, double ThinkSeconds = 0, int ValidateOneIn = 1)
{
    public static DiscordLoadOptions Parse(string[] args, bool gatewayFaults)
    {
        var o = new DiscordLoadOptions(GatewayFaults: gatewayFaults);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--platform" => Next() == "discord" ? o : throw new ArgumentException("--platform is telegram or discord"),
                "--users" => o with { Users = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rounds" => o with { Rounds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--reply-timeout" => o with { ReplyTimeoutSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--think" => o with { ThinkSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--validate-one-in" => o with { ValidateOneIn = int.Parse(Next(), CultureInfo.InvariantCulture) },
                var other => throw new ArgumentException($"unknown option {other}"),
            };
        }

        return o;
    }
}
