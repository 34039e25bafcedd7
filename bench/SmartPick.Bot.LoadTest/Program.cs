using Microsoft.Extensions.Hosting;
using SmartPick.Bot;
using SmartPick.Bot.LoadTest;

// load [--platform discord] | load|kill --platform discord --storage postgres --instances N (sharded hosts) | gateway (Discord gateway faults) | outage | kill | coldstart [options]; "host ARGS" is the child bot process of a kill run.
switch (args)
{
    case ["host", .. var hostArgs]:
        using (var host = BotHost.CreateBuilder(hostArgs, withAdapters: true).Build())
        {
            await host.RunAsync();
        }

        return 0;
    case ["coldstart", .. var rest]:
        await ColdStart.RunAsync(rest is ["--runs", var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 5, Console.Out);
        return 0;
    case [var verb and ("load" or "kill"), .. var rest] when rest.Contains("discord") && rest.Contains("postgres"):
        var sharded = await SmartPick.Bot.LoadTest.Multi.DiscordMultiRun.RunAsync(
            SmartPick.Bot.LoadTest.Multi.DiscordMultiOptions.Parse(rest, kill: verb == "kill"), Console.Out);
        Console.WriteLine(sharded);
        return sharded.Failures.Count == 0 ? 0 : 1;
    case ["load" or "gateway", .. var rest] when args[0] == "gateway" || rest.Contains("discord"):
        var discord = await SmartPick.Bot.LoadTest.Discord.DiscordLoadRun.RunAsync(
            SmartPick.Bot.LoadTest.Discord.DiscordLoadOptions.Parse(rest, gatewayFaults: args[0] == "gateway"), Console.Out);
        Console.WriteLine(discord);
        return discord.Failures.Count == 0 ? 0 : 1;
    case [var verb and ("load" or "outage" or "kill"), .. var rest]:
        var fault = verb switch { "outage" => FaultKind.Outage, "kill" => FaultKind.Kill, _ => FaultKind.None };
        var options = LoadOptions.Parse(rest, fault);
        var result = options.Postgres || options.Webhook
            ? await SmartPick.Bot.LoadTest.Multi.MultiInstanceRun.RunAsync(options, Console.Out)
            : await LoadRun.RunAsync(options, Console.Out);
        Console.WriteLine(result);
        return result.Failures.Count == 0 ? 0 : 1;
    default:
        Console.Error.WriteLine("usage: load --platform discord [--users N] | load|kill --platform discord --storage postgres [--instances N] [--shards S] [--kill-shard K] [--users N] [--reply-timeout S] [--think S] | gateway [--users N] [--rounds R] | load|outage|kill [--users N] [--limits production|off] [--kills K] [--outage-seconds S] [--reply-timeout S] [--storage sqlite|postgres] [--instances N] [--webhook] [--claim-seconds S] | coldstart [--runs N]");
        return 2;
}
