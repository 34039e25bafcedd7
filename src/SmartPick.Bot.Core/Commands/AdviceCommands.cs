using System.Globalization;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;

namespace SmartPick.Bot.Core.Commands;

/// <summary>/rank, /plan, /explain-score (ranking library) and /ask (guide).</summary>
public sealed class AdviceCommands(IRankingAdvisor advisor, IGuideAnswerer guide)
{
    internal void Rank(Turn turn, CommandContent command)
    {
        var unknown = RankArguments.Read(command.Arguments, new RankRequest(), MaxListed).Unknown;
        if (unknown.Count > 0)
        {
            turn.Say(new Reply(RankArguments.Unknown(unknown, advisor.Specialties)));
            return;
        }

        WithProfile(turn, "rank", () => RankListButtons.Add(advisor.Rank(turn.State.Profile, ReadRequest(command))));
    }

    internal void Plan(Turn turn, CommandContent command) =>
        WithProfile(turn, "plan", () => advisor.Plan(turn.State.Profile, ReadRequest(command)));

    internal void ExplainScore(Turn turn, CommandContent command)
    {
        // An ACGME id or a catalog X- id, or a program name ("/explain-score Kern") that the advisor resolves or asks about.
        var program = command.Option("program")
            ?? command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(SmartPick.Ranking.Catalog.ProgramIds.IsValid)
            ?? (command.Arguments.Trim() is { Length: >= 3 } name && Vocabulary.Specialty(name) is null ? name : null);
        var specialty = command.Option("specialty");
        WithProfile(turn, "explain-score", () => advisor.ExplainScore(turn.State.Profile, program, specialty));
    }

    /// <summary>"/chances 3 1400531031,1400521012" or Discord options interviews/programs/specialty; without a count, the profile's.</summary>
    internal void Chances(Turn turn, CommandContent command)
    {
        var words = command.Arguments.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        var ids = words.Where(SmartPick.Ranking.Catalog.ProgramIds.IsValid)
            .Concat((command.Option("programs") ?? string.Empty).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var count = command.Option("interviews") ?? words.FirstOrDefault(w => w.Length <= 3 && w.All(char.IsAsciiDigit));
        int? interviews = int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var specialty = command.Option("specialty") is { } s ? Vocabulary.Specialty(s) ?? s : null;
        WithProfile(turn, "chances", () => advisor.Chances(turn.State.Profile, new ChancesRequest(specialty, interviews, ids.Count == 0 ? null : ids)));
    }

    internal async Task AskAsync(Turn turn, string question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            turn.Say(new Reply("What would you like to know? For example: /ask how do ERAS signals work for Internal Medicine?"));
            return;
        }

        // Only the asking user's own profile may reach the answerer, and never in a group: the answer is public there.
        var profile = turn.InGroup ? null : turn.State.Profile;
        var answer = await guide.AnswerAsync(question, profile, cancellationToken);
        var reply = Servers.Feedback.FeedbackButtons.Attach(new Reply(Render(answer)), answer);

        // "Share my question" only in a direct chat: its yes/no confirmation is then private by itself.
        turn.Say(turn.InGroup ? reply : Servers.Feedback.ShareQuestionCommand.Attach(reply, question));
        if (!turn.InGroup && answer.ProposedProfile is { } proposed && ProfileProposal.Prepare(turn.State.Profile, proposed) is { } json)
        {
            turn.State = turn.State with { Conversation = turn.State.Conversation with { Proposal = json } };
            turn.SayPersonal([ProfileProposal.Ask(turn.State.Profile, json)], "profile");
        }
    }

    /// <summary>"/rank IM socal CA 20" or Discord options specialty/region/state/count.</summary>
    public const int MaxListed = 50;

    public static RankRequest ReadRequest(CommandContent command)
    {
        string? specialty = command.Option("specialty") is { } s ? Vocabulary.Specialty(s) ?? s : null;
        string? region = command.Option("region") is { } r ? Vocabulary.Region(r) ?? r : null;
        var state = command.Option("state")?.ToUpperInvariant();
        int? top = int.TryParse(command.Option("count") ?? command.Option("top"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var visa = command.Option("visa") is { } v ? RankArguments.Read(v, new RankRequest(), MaxListed).Request.Visa : null;
        var start = new RankRequest(specialty, region, state, top is null ? null : Math.Clamp(top.Value, 1, MaxListed), 1, visa);

        // A chat list longer than this is a wall of messages; the plan still considers every program.
        return RankArguments.Read(command.Arguments, start, MaxListed).Request;
    }

    public static string Render(GuideAnswer answer)
    {
        if (answer.Citations.Count == 0)
        {
            return answer.Answer;
        }

        var sources = answer.Citations.Select(c => $"- {Markup.Escape(c.Title)} ({Markup.Escape(c.Reference)})");
        return answer.Answer + "\n\n_Sources:_\n" + string.Join('\n', sources);
    }

    private static void WithProfile(Turn turn, string command, Func<AdvisorResult> run)
    {
        if (turn.State.Profile.Specialties.Count == 0)
        {
            var text = turn.MovesToDirect
                ? "I need your profile first. Let's fill it in a private chat — your scores stay between us."
                : "I need a few answers before I can rank programs. Send /profile to start (it takes about three minutes).";
            turn.SayPersonal([new Reply(text) { Choices = turn.MovesToDirect ? [] : [new Choice("Start my profile", "cmd:profile")] }], "profile");
            return;
        }

        turn.SayPersonal(run().Replies, command);
    }
}
