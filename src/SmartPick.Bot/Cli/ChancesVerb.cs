using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Cli;

/// <summary><c>chances --profile F --interviews N [--programs ID,ID…]</c>: interview-season P(match).</summary>
internal static class ChancesVerb
{
    public static AdvisorResult Run(CliArguments cli, ApplicantProfile profile, IServiceProvider services)
    {
        var text = cli.Require("interviews");
        if (!int.TryParse(text, out var interviews) || interviews is < 0 or > ProfileValidator.MaxInterviews)
        {
            throw new CliException($"--interviews must be a whole number from 0 to {ProfileValidator.MaxInterviews}, not '{text}'");
        }

        var programs = cli.Option("programs")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (programs.FirstOrDefault(p => !ProgramIds.IsValid(p)) is { } bad)
        {
            throw new CliException($"--programs takes 10-digit ACGME ids or X-<slug> catalog ids separated by commas, not '{bad}'");
        }

        var specialty = cli.Option("specialty") is { } s ? Vocabulary.Specialty(s) ?? throw new CliException($"unknown specialty '{s}'") : null;
        return services.GetRequiredService<IRankingAdvisor>().Chances(profile, new ChancesRequest(specialty, interviews, programs.Length == 0 ? null : programs));
    }
}
