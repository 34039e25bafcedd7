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
/// <c>feedback export shared [...]</c>: the questions users chose to share (masked text, cited sections, platform,
/// time; no user ids), oldest first — the raw material for new evaluation questions.
/// </summary>
internal static class FeedbackVerb
{
    public const string Usage = """
          feedback export [--since YYYY-MM-DD] [--format csv|json]   answer votes per guide section
          feedback export shared [--since YYYY-MM-DD] [--format csv|json]   questions users chose to share (masked, no user ids)
        """;

    private static readonly HashSet<string> Options = ["format", "since"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        var cli = CliArguments.Parse(args, Options);
        if (cli.Verb != "export" || cli.Positional is not ([] or ["shared"]))
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

        var store = host.Services.GetRequiredService<IFeedbackStore>();
        if (cli.Positional.Count == 1)
        {
            await stdout.WriteAsync(Shared(await store.ListSharedAsync(since, CancellationToken.None), format));
            return 0;
        }

        var votes = await store.ListAsync(since, CancellationToken.None);
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

    private static string Shared(IReadOnlyList<SharedQuestion> questions, string format) => format == "json"
        ? new JsonArray([.. questions.Select(q => (JsonNode)new JsonObject
        {
            ["at"] = q.At.ToString("O", CultureInfo.InvariantCulture), ["platform"] = q.Platform, ["sections"] = new JsonArray([.. q.Sections.Select(x => (JsonNode)x)]), ["question"] = q.Text,
        })]).ToJsonString(Indented) + "\n"
        : "at,platform,sections,question\n" + string.Concat(questions.Select(q => string.Join(',', new[]
        {
            q.At.ToString("O", CultureInfo.InvariantCulture), q.Platform, string.Join(' ', q.Sections), q.Text,
        }.Select(ListCsv.Cell)) + "\n"));
}
