using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Chat;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Cli;

/// <summary>
/// The CLI contract: run | chat | rank | explain-score | ask. Exit codes: 0 success, 1 configuration error,
/// 2 bad input (one-line reason on stderr).
/// </summary>
public static class CliApp
{
    private static readonly HashSet<string> KnownOptions = ["profile", "specialty", "region", "visa", "top", "format", "program", "interviews", "programs", .. StorageMigrateVerb.OptionNames];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            if (args is ["catalog", .. var catalogArgs])
            {
                return await CatalogVerb.RunAsync(catalogArgs, stdout, stderr, TimeProvider.System);
            }

            if (args is ["reports", .. var reportArgs])
            {
                return await ReportsVerb.RunAsync(reportArgs, stdout);
            }

            if (args is ["feedback", .. var feedbackArgs])
            {
                return await FeedbackVerb.RunAsync(feedbackArgs, stdout);
            }

            var cli = CliArguments.Parse(args, KnownOptions);
            switch (cli.Verb)
            {
                case "run":
                case "chat":
                    return await RunHostAsync(cli, stdin, stdout);
                case "rank":
                    var rankFormat = Format(cli);
                    return await WithServicesAsync(cli, s => Print(Rank(cli, s), rankFormat, stdout));
                case "explain-score":
                    var explainFormat = Format(cli);
                    return await WithServicesAsync(cli, s => Print(ExplainScore(cli, s), explainFormat, stdout));
                case "ask":
                    return await WithServicesAsync(cli, s => AskAsync(cli, s, stdout));
                case "chances":
                    var chancesFormat = Format(cli);
                    return await WithServicesAsync(cli, s => Print(ChancesVerb.Run(cli, LoadProfile(cli.Require("profile")), s), chancesFormat, stdout));
                case "storage":
                    return await StorageMigrateVerb.RunAsync(cli, stdout);
                case "help" or "--help" or "-h":
                    await stdout.WriteLineAsync(Usage);
                    return 0;
                default:
                    throw new CliException($"unknown verb '{cli.Verb}' (expected run, chat, rank, explain-score, chances or ask)");
            }
        }
        catch (CliException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync("configuration error: " + string.Join("; ", ex.Failures));
            return 1;
        }
        catch (Exception ex) when (ex is CatalogFormatException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or IOException)
        {
            // A malformed catalog, an unusable database path or unreadable knowledge files: one line, no stack trace.
            await stderr.WriteLineAsync("configuration error: " + ex.Message.ReplaceLineEndings(" "));
            return 1;
        }
    }

    public const string Usage = """
        SmartPick.Bot — residency list builder for IMGs
          (no verb) | run                      start Telegram/Discord adapters if configured, else the console chat
          chat                                 console chat (stdin lines in, replies out)
          rank --profile FILE [--specialty S] [--region R] [--top N] [--format text|json]
          explain-score --profile FILE [--program ACGME_ID] [--format text|json]
          ask "QUESTION" [--format text|json]
          chances --profile FILE --interviews N [--programs ID,ID...] [--specialty S] [--format text|json]   P(match) from interviews so far
          storage migrate --to-connection-string PG [--from-connection-string SQLITE]   copy SQLite into PostgreSQL
        """ + "\n" + CatalogVerb.Usage + "\n" + ReportsVerb.Usage + FeedbackVerb.Usage;

    private static async Task<int> RunHostAsync(CliArguments cli, TextReader stdin, TextWriter stdout)
    {
        var chatOnly = cli.Verb == "chat";

        // The console adapter reads the streams the CLI was given (tests pass their own).
        var io = new ConsoleChatIo(stdin, stdout, ReferenceEquals(stdin, Console.In) && !Console.IsInputRedirected);
        var builder = BotHost.CreateBuilder(cli.HostArgs, withAdapters: !chatOnly, io);
        if (chatOnly)
        {
            builder.AddConsoleChat();
        }
        using var host = builder.Build();
        var failure = host.Services.GetRequiredService<AdapterFailure>(); // RunAsync disposes the host
        host.Services.GetService<IStartupValidator>()?.Validate(); // a bad setting: one line, not the host's stack trace
        await host.RunAsync();
        if (failure.Failed)
        {
            await stdout.FlushAsync();
            Console.Error.WriteLine($"the {failure.Platform} adapter stopped the bot on a fatal error (see the log above)");
            return 1;
        }

        return 0;
    }

    private static async Task<int> WithServicesAsync(CliArguments cli, Func<IServiceProvider, Task<int>> action)
    {
        using var host = BotHost.CreateBuilder(cli.HostArgs, withAdapters: false).Build();
        host.Services.GetService<IStartupValidator>()?.Validate();
        return await action(host.Services);
    }

    private static AdvisorResult Rank(CliArguments cli, IServiceProvider services)
    {
        var profile = LoadProfile(cli.Require("profile"));
        var specialty = cli.Option("specialty") is { } s ? Vocabulary.Specialty(s) ?? throw new CliException($"unknown specialty '{s}'") : null;
        var region = cli.Option("region") is { } r ? Vocabulary.Region(r) ?? throw new CliException($"unknown region '{r}' (try SoCal, LA, OC, SD, IE, VSB, CV)") : null;
        int? top = cli.Option("top") is { } t
            ? int.TryParse(t, out var n) && n is > 0 and <= 10_000 ? n : throw new CliException($"--top must be a whole number from 1 to 10000, not '{t}'")
            : null;
        VisaSupport? visa = cli.Option("visa") is { } v
            ? RankArguments.Read(v, new RankRequest(), 50).Request.Visa is { } parsed ? parsed : throw new CliException($"--visa must be H1B or J1, not '{v}'")
            : null;
        return services.GetRequiredService<IRankingAdvisor>().Rank(profile, new RankRequest(specialty, region, null, top, Visa: visa));
    }

    private static AdvisorResult ExplainScore(CliArguments cli, IServiceProvider services)
    {
        var profile = LoadProfile(cli.Require("profile"));
        var program = cli.Option("program");
        if (program is not null && !ProgramIds.IsValid(program))
        {
            throw new CliException($"--program must be a 10-digit ACGME id or an X-<slug> catalog id, not '{program}'");
        }

        return services.GetRequiredService<IRankingAdvisor>().ExplainScore(profile, program, null);
    }

    private static async Task<int> AskAsync(CliArguments cli, IServiceProvider services, TextWriter stdout)
    {
        var format = Format(cli);
        var question = string.Join(' ', cli.Positional).Trim();
        if (question.Length == 0)
        {
            throw new CliException("ask needs a question, e.g. ask \"how do ERAS signals work?\"");
        }

        var answer = await services.GetRequiredService<IGuideAnswerer>().AnswerAsync(question, null, CancellationToken.None);
        if (format == "json")
        {
            var json = AnswerJson(answer.Answer, answer.Covered, answer.Citations);
            if (answer.Parts is { } parts)
            {
                json["parts"] = new JsonArray([.. parts.Select(p => (JsonNode)AnswerJson(p.Answer, p.Covered, p.Citations, p.Question))]);
            }

            await stdout.WriteLineAsync(json.ToJsonString(Indented));
        }
        else
        {
            await stdout.WriteLineAsync(Markup.ToPlainText(Core.Commands.AdviceCommands.Render(answer)));
        }

        return 0;
    }

    /// <summary>The <c>ask --format json</c> shape, used for the whole answer and for each part of a multi-part question.</summary>
    private static JsonObject AnswerJson(string answer, bool covered, IReadOnlyList<GuideCitation> citations, string? question = null)
    {
        var json = new JsonObject();
        if (question is not null)
        {
            json["question"] = question;
        }

        json["answer"] = Markup.ToPlainText(answer);
        json["covered"] = covered;
        json["citations"] = new JsonArray([.. citations.Select(c => (JsonNode)new JsonObject { ["file"] = c.File, ["section"] = c.Section, ["title"] = c.Title, ["score"] = Math.Round(c.Score, 4) })]);
        return json;
    }

    private static async Task<int> Print(AdvisorResult result, string format, TextWriter stdout)
    {
        if (result.Error is not null)
        {
            throw new CliException(result.Error);
        }

        await stdout.WriteLineAsync(format == "json" && result.Json is not null
            ? result.Json.ToJsonString(Indented)
            : ConsoleRenderer.Render(result.Replies));
        return 0;
    }

    private static string Format(CliArguments cli) => cli.Option("format") switch
    {
        null or "text" => "text",
        "json" => "json",
        var other => throw new CliException($"--format must be text or json, not '{other}'"),
    };

    private static ApplicantProfile LoadProfile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"profile file not found: {path}");
        }

        try
        {
            return ProfileJson.Deserialize(File.ReadAllText(path));
        }
        catch (ProfileFormatException ex)
        {
            throw new CliException($"{path}: {ex.Message}");
        }
    }
}
