using Microsoft.Extensions.Hosting;
using SmartPick.Bot;
using SmartPick.Bot.LoadTest;

// load | outage | kill | coldstart [options]; "host ARGS" is the child bot process of a kill run.
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
    case [var verb and ("load" or "outage" or "kill"), .. var rest]:
        var fault = verb switch { "outage" => FaultKind.Outage, "kill" => FaultKind.Kill, _ => FaultKind.None };
        var result = await LoadRun.RunAsync(LoadOptions.Parse(rest, fault), Console.Out);
        Console.WriteLine(result);
        return result.Failures.Count == 0 ? 0 : 1;
    default:
        Console.Error.WriteLine("usage: load|outage|kill [--users N] [--limits production|off] [--kills K] [--outage-seconds S] [--reply-timeout S] | coldstart [--runs N]");
        return 2;
}
