using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Corrections;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Cli;

/// <summary>
/// <c>reports list|export [--format csv|json] [--since YYYY-MM-DD]</c>: the correction requests users sent with /report,
/// oldest first, from the configured database. Export is CSV (formula-safe) or JSON on stdout.
/// </summary>
internal static class ReportsVerb
{
    public const string Usage = """
          reports list|export [--format csv|json] [--since YYYY-MM-DD]   corrections users sent with /report
        """;

    private static readonly HashSet<string> Options = ["format", "since"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        var cli = CliArguments.Parse(args, Options);
        if (cli.Verb is not ("list" or "export"))
        {
            throw new CliException("usage:\n" + Usage.TrimEnd());
        }

        DateTimeOffset? since = cli.Option("since") is { } s
            ? DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : throw new CliException($"--since must be YYYY-MM-DD, not '{s}'")
            : null;
        var format = cli.Option("format") ?? (cli.Verb == "list" ? "text" : "csv");
        if (format is not ("text" or "csv" or "json"))
        {
            throw new CliException($"--format must be csv or json, not '{format}'");
        }

        using var host = BotHost.CreateBuilder(cli.HostArgs, withAdapters: false).Build();
        var store = host.Services.GetService<ICorrectionStore>() ?? throw new CliException("this storage provider does not keep /report corrections");
        await host.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(CancellationToken.None); // a database no bot has opened yet
        var reports = await store.ListAsync(since, CancellationToken.None);
        await stdout.WriteAsync(format switch
        {
            "json" => new JsonArray([.. reports.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id, ["createdAt"] = r.CreatedAt.ToString("O", CultureInfo.InvariantCulture), ["programId"] = r.ProgramId,
                ["program"] = r.Program, ["text"] = r.Text, ["userHash"] = r.UserHash,
            })]).ToJsonString(Indented) + "\n",
            "csv" => "id,created_at,program_id,program,text,user_hash\n" + string.Concat(reports.Select(r =>
                string.Join(',', new[] { r.Id.ToString(CultureInfo.InvariantCulture), r.CreatedAt.ToString("O", CultureInfo.InvariantCulture), r.ProgramId ?? "", r.Program, r.Text, r.UserHash }.Select(ListCsv.Cell)) + "\n")),
            _ => reports.Count == 0 ? "no corrections reported\n" : string.Concat(reports.Select(r =>
                $"#{r.Id} {r.CreatedAt:yyyy-MM-dd HH:mm}Z  {r.ProgramId ?? "(unmatched)"}  {r.Program}\n    {r.Text}\n")),
        });
        return 0;
    }
}
