using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Servers.Feedback;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Cli;

/// <summary>
/// <c>feedback export [--since YYYY-MM-DD] [--format csv|json]</c>: 👍/👎 counts per guide section (a vote counts for
/// every section its answer cited), most-voted first, from the configured database. Votes hold no user ids.
/// </summary>
internal static class FeedbackVerb
{
    public const string Usage = """
          feedback export [--since YYYY-MM-DD] [--format csv|json]   answer votes per guide section
        """;

    private static readonly HashSet<string> Options = ["format", "since"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        var cli = CliArguments.Parse(args, Options);
        if (cli.Verb != "export")
        {
            throw new CliException("usage:\n" + Usage.TrimEnd());
        }

        DateTimeOffset? since = cli.Option("since") is { } s
            ? DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : throw new CliException($"--since must be YYYY-MM-DD, not '{s}'")
            : null;
        var format = cli.Option("format") ?? "csv";
        if (format is not ("csv" or "json"))
        {
            throw new CliException($"--format must be csv or json, not '{format}'");
        }

        using var host = BotHost.CreateBuilder(cli.HostArgs, withAdapters: false).Build();
        if (host.Services.GetService<SqliteDatabase>() is { } sqlite)
        {
            await sqlite.MigrateAsync(CancellationToken.None); // a database no bot has opened yet
        }

        var votes = await host.Services.GetRequiredService<IFeedbackStore>().ListAsync(since, CancellationToken.None);
        var rows = votes
            .SelectMany(v => v.Sections.Select(section => (Section: section, v.Helpful, v.At)))
            .GroupBy(x => x.Section, StringComparer.Ordinal)
            .Select(g => (Section: g.Key, Helpful: g.Count(x => x.Helpful), NotHelpful: g.Count(x => !x.Helpful), Last: g.Max(x => x.At)))
            .OrderByDescending(r => r.Helpful + r.NotHelpful).ThenBy(r => r.Section, StringComparer.Ordinal)
            .ToList();
        await stdout.WriteAsync(format == "json"
            ? new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["section"] = r.Section, ["helpful"] = r.Helpful, ["notHelpful"] = r.NotHelpful, ["total"] = r.Helpful + r.NotHelpful,
                ["lastVote"] = r.Last.ToString("O", CultureInfo.InvariantCulture),
            })]).ToJsonString(Indented) + "\n"
            : "section,helpful,not_helpful,total,last_vote\n" + string.Concat(rows.Select(r => string.Join(',', new[]
            {
                r.Section, r.Helpful.ToString(CultureInfo.InvariantCulture), r.NotHelpful.ToString(CultureInfo.InvariantCulture),
                (r.Helpful + r.NotHelpful).ToString(CultureInfo.InvariantCulture), r.Last.ToString("O", CultureInfo.InvariantCulture),
            }.Select(ListCsv.Cell)) + "\n")));
        return 0;
    }
}
