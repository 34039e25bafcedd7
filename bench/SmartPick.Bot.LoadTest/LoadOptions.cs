using System.Globalization;

namespace SmartPick.Bot.LoadTest;

/// <summary>Which fault a run plays while the users talk to the bot.</summary>
public enum FaultKind
{
    None,

    /// <summary>The Bot API answers 500 for a while, then hangs requests until they are dropped, then recovers.</summary>
    Outage,

    /// <summary>The bot process is SIGKILLed and restarted on the same database, repeatedly.</summary>
    Kill,
}

/// <param name="Users">Simulated users, each doing a full intake and /rank.</param>
/// <param name="ProductionLimits">Keep Telegram's send limits (1 msg/s per chat, 25 msg/s overall) instead of switching them off.</param>
/// <param name="Kills">SIGKILLs during a <see cref="FaultKind.Kill"/> run.</param>
/// <param name="OutageSeconds">Seconds of 500s, then as many of hanging requests, in an <see cref="FaultKind.Outage"/> run.</param>
/// <param name="Instances">Hosts sharing one database (more than one, or <paramref name="Postgres"/>: child processes on a throwaway PostgreSQL, Telegram webhook through a round-robin proxy).</param>
/// <param name="Webhook">Telegram in webhook mode through the round-robin proxy, hosts in child processes (implied by <paramref name="Postgres"/>); on SQLite the one-instance baseline of a multi-instance run.</param>
/// <param name="ClaimSeconds">Webhook inbox claim of a multi-instance run: how long a killed instance's turns wait before another redoes them.</param>
public sealed record LoadOptions(int Users = 50, bool ProductionLimits = false, FaultKind Fault = FaultKind.None, int Kills = 5, double OutageSeconds = 3, int ReplyTimeoutSeconds = 120,
    int Instances = 1, bool Postgres = false, int ClaimSeconds = 30, bool Webhook = false)
{
    public static LoadOptions Parse(string[] args, FaultKind fault)
    {
        var o = new LoadOptions(Fault: fault);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--instances" => o with { Instances = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--webhook" => o with { Webhook = true },
                "--claim-seconds" => o with { ClaimSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--storage" => o with { Postgres = Next() switch { "postgres" => true, "sqlite" => false, var v => throw new ArgumentException($"--storage is sqlite or postgres, not {v}") } },
                "--users" => o with { Users = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--kills" => o with { Kills = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--outage-seconds" => o with { OutageSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--reply-timeout" => o with { ReplyTimeoutSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--limits" => o with { ProductionLimits = Next() switch { "production" => true, "off" => false, var v => throw new ArgumentException($"--limits is production or off, not {v}") } },
                var other => throw new ArgumentException($"unknown option {other}"),
            };
        }

        return o.Instances > 1 && !o.Postgres ? throw new ArgumentException("--instances above 1 needs --storage postgres (SQLite is one process)") : o;
    }
}
