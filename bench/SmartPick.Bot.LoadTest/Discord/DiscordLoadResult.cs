using System.Globalization;
using System.Text;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.LoadTest.Report;

namespace SmartPick.Bot.LoadTest.Discord;

/// <summary>Figures and failed checks of one Discord run. <see cref="Failures"/> empty means every check passed.</summary>
public sealed record DiscordLoadResult(
    DiscordLoadOptions Options,
    int Steps,
    int BotMessages,
    double Seconds,
    Percentiles FirstReplyMs,
    Percentiles AnswerMs,
    Percentiles AckMs,
    int Interactions,
    int Deferred,
    int UnknownInteraction10062,
    int AlreadyAcknowledged40060,
    int MaxGlobalPerSecond,
    int Expired,
    int LostDispatches,
    GatewayFaultLog Faults,
    int Identifies,
    int Resumes,
    int TranscriptDeviations,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> Notes)
{
    /// <summary>Discord's global limit for bot requests; interaction routes are exempt.</summary>
    public const int GlobalLimit = 50;

    public static DiscordLoadResult Analyze(DiscordLoadOptions options, FakeDiscordServer fake, DiscordInboxes inboxes, IReadOnlyList<DiscordUser> users,
        double runStartMs, GatewayFaultLog faults, bool stillUp, string integrity)
    {
        var failures = new List<string>();
        var notes = new List<string>();

        // Replies per step: interaction replies by interaction id, DM channel messages by time.
        // Compared within each script (server-channel and DM users answer different steps).
        var shapes = users.ToDictionary(u => u.UserId, Shape);
        var references = users.GroupBy(u => u.Script).ToDictionary(g => g.Key, g => g.Select(u => shapes[u.UserId]).GroupBy(x => x).OrderByDescending(x => x.Count()).First().Key);
        var deviating = users.Where(u => shapes[u.UserId] != references[u.Script]).Select(u => (Key: u.UserId, Value: shapes[u.UserId], Usual: references[u.Script])).ToList();
        failures.AddRange(deviating.Take(5).Select(d => $"user {d.Key}: replies per step [{d.Value}] differ from the usual [{d.Usual}]"));
        if (deviating.Count > 5)
        {
            failures.Add($"... {deviating.Count - 5} more users with deviating transcripts");
        }

        if (deviating.Count > 0)
        {
            var user = users.First(u => u.UserId == deviating[0].Key);
            notes.Add($"transcript of user {user.UserId}:\n" + string.Join("\n", user.Inbox.Messages.Select(m =>
                $"    [{StepOf(user, m)}] {m.Kind}: {m.Text.ReplaceLineEndings(" ")[..Math.Min(90, m.Text.ReplaceLineEndings(" ").Length)]}")));
        }

        foreach (var reference in references.Values.Where(r => r.Split(',').Any(n => n == "0")))
        {
            failures.Add($"a step got no reply in the usual transcript [{reference}]");
        }

        failures.AddRange(users.Where(u => u.Failure is not null).Take(5).Select(u => $"user {u.UserId}: {u.Failure}"));
        var unfinished = users.Count(u => u.Failure is not null);
        if (unfinished > 5)
        {
            failures.Add($"... {unfinished - 5} more users did not finish");
        }

        // Acknowledgements, timed by the fake (receipt → callback).
        var delivered = users.SelectMany(u => u.Sent.Select(s => s.InteractionId)).OfType<string>().ToList();
        var ack = new List<double>();
        var unacked = 0;
        foreach (var id in delivered)
        {
            var state = fake.Interactions[id];
            if (state.AckedAt is { } acked)
            {
                ack.Add((acked - state.ReceivedAt).TotalMilliseconds);
            }
            else
            {
                unacked++;
            }
        }

        var late = ack.Count(a => a > 3000);
        if (unacked > 0 || late > 0 || fake.UnknownInteractionCount > 0 || fake.AlreadyAcknowledgedCount > 0)
        {
            failures.Add($"interactions: {unacked} delivered but never acknowledged, {late} acknowledged after 3 s, {fake.UnknownInteractionCount} callbacks got 10062, {fake.AlreadyAcknowledgedCount} got 40060");
        }

        var validation = fake.ValidationErrors.ToList();
        if (validation.Count > 0)
        {
            failures.Add($"{validation.Count} requests failed the fake's OpenAPI/semantic validation, e.g. {validation[0]}");
        }

        if (inboxes.Unrouted > 0)
        {
            failures.Add($"{inboxes.Unrouted} replies went to an interaction or channel no simulated user owns");
        }

        // Timed on arrival at the fake, not on sending, so one second can hold a few more than the adapter's 50/s
        // limiter let out (arrival bunching on a busy 2-core machine). The check is the sustained rate over 10 s.
        var maxGlobal = Busiest(inboxes.GlobalRouteTimes, 1000);
        var maxGlobal10 = Busiest(inboxes.GlobalRouteTimes, 10_000);
        notes.Add($"busiest 10 s of non-interaction requests: {maxGlobal10} ({maxGlobal10 / 10.0:F1}/s)");
        notes.Add($"request bodies validated against the spec: {fake.ValidatedCount} of {fake.Requests.Count}");
        if (maxGlobal10 > (10 * GlobalLimit) + 10)
        {
            failures.Add($"{maxGlobal10} non-interaction requests in 10 s (Discord's global limit is {GlobalLimit}/s)");
        }

        if (!stillUp)
        {
            failures.Add("the host stopped during the run");
        }

        if (integrity != "ok")
        {
            failures.Add("final PRAGMA integrity_check: " + integrity);
        }

        var firstReply = new List<double>();
        var answer = new List<double>();
        var byKind = new[] { new List<double>(), new List<double>() }; // [0] typed DM messages, [1] interactions
        var byStep = users.Select(u => u.Script).Distinct().ToDictionary(script => script, script => script.Select(_ => new List<double>()).ToArray());
        foreach (var user in users)
        {
            var messages = user.Inbox.Messages;
            for (var i = 0; i < user.AnsweredAtMs.Count; i++)
            {
                var (sentAt, _) = user.Sent[i];
                answer.Add(user.AnsweredAtMs[i] - sentAt);
                byKind[user.Script[i].IsInteraction ? 1 : 0].Add(user.AnsweredAtMs[i] - sentAt);
                byStep[user.Script][i].Add(user.AnsweredAtMs[i] - sentAt);
                if (messages.FirstOrDefault(m => StepOf(user, m) == i) is { } first)
                {
                    firstReply.Add(first.AtMs - sentAt);
                }
            }
        }

        // Issue 14 point 5: answers to interactions (responses and follow-ups, outside the global limit) apart from answers
        // to typed DM messages (channel messages, bound by the 50/s global limit).
        notes.Add($"expected answer latency, interactions (slash commands, buttons, selects, modals): {Percentiles.Of(byKind[1])}");
        notes.Add($"expected answer latency, typed DM messages: {Percentiles.Of(byKind[0])}");
        foreach (var (script, steps) in byStep)
        {
            var where = ReferenceEquals(script, DiscordScript.InServer) ? "server-channel intake" : "DM intake";
            notes.Add($"  {where}, every step: {Percentiles.Of(steps.SelectMany(l => l).ToList())}");
            foreach (var (step, p) in steps.Select((l, i) => (script[i], Percentiles.Of(l))).Where(x => x.Item2.P99 > 3000))
            {
                notes.Add($"  {where}, step over 3 s at p99: {step.Action} \"{step.Value}\": {p}");
            }
        }

        var messagesTotal = users.Sum(u => u.Inbox.Messages.Count);
        var end = users.SelectMany(u => u.AnsweredAtMs).DefaultIfEmpty(runStartMs + 1).Max();
        return new DiscordLoadResult(options, users.Sum(u => u.CompletedSteps), messagesTotal, (end - runStartMs) / 1000, Percentiles.Of(firstReply), Percentiles.Of(answer),
            Percentiles.Of(ack), delivered.Count, inboxes.Deferrals, fake.UnknownInteractionCount, fake.AlreadyAcknowledgedCount, maxGlobal,
            users.Sum(u => u.Expired), fake.Gateway.LostDispatches, faults, fake.Gateway.Identifies, fake.Gateway.Resumes, deviating.Count, failures, notes);
    }

    /// <summary>The script step a message answers: its interaction's step, or (DM channel messages) the last step sent before it.</summary>
    private static int StepOf(DiscordUser user, BotMessage message) =>
        message.Origin is { } origin ? user.Sent.FindIndex(s => s.InteractionId == origin) : user.Sent.FindLastIndex(s => s.SentAtMs <= message.AtMs);

    private static string Shape(DiscordUser user)
    {
        var counts = new int[user.Script.Count];
        foreach (var message in user.Inbox.Messages)
        {
            if (StepOf(user, message) is var step and >= 0)
            {
                counts[step]++;
            }
        }

        return string.Join(',', counts);
    }

    private static int Busiest(IEnumerable<double> at, double windowMs)
    {
        var times = at.Order().ToArray();
        var max = 0;
        for (int i = 0, j = 0; i < times.Length; i++)
        {
            while (times[i] - times[j] >= windowMs)
            {
                j++;
            }

            max = Math.Max(max, i - j + 1);
        }

        return max;
    }

    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine(string.Create(inv, $"discord: users {Options.Users}, pause before each step {(Options.ThinkSeconds > 0 ? $"{Options.ThinkSeconds / 4:F1}-{Options.ThinkSeconds:F1} s" : "none")}, gateway faults {(Options.GatewayFaults ? $"{Options.Rounds} round(s)" : "none")}"));
        b.AppendLine(string.Create(inv, $"steps answered {Steps} in {Seconds:F1} s: {Steps / Seconds:F1} steps/s; bot messages {BotMessages}"));
        b.AppendLine($"first reply latency: {FirstReplyMs}");
        b.AppendLine($"expected answer latency: {AnswerMs}");
        b.AppendLine(string.Create(inv, $"interactions {Interactions}: acknowledged after {AckMs}; deferred {Deferred}; 10062: {UnknownInteraction10062}; 40060: {AlreadyAcknowledged40060}"));
        b.AppendLine(string.Create(inv, $"busiest second of non-interaction requests (on arrival at the fake): {MaxGlobalPerSecond} (global limit {GlobalLimit}/s)"));
        b.AppendLine(string.Create(inv, $"gateway: {Identifies} identifies, {Resumes} resumes; dispatches lost with an invalidated session {LostDispatches}; user actions expired and redone {Expired}"));
        if (Faults.Played.Count > 0)
        {
            b.AppendLine("faults: " + string.Join(", ", Faults.Played.Zip(Faults.RecoveryMs, (k, ms) => string.Create(inv, $"{k} (recovered in {ms:F0} ms)"))));
        }

        foreach (var note in Notes)
        {
            b.AppendLine(note);
        }

        b.AppendLine(string.Create(inv, $"users whose transcript deviates (a step answered twice, not at all, or differently): {TranscriptDeviations}"));
        b.AppendLine(Failures.Count == 0 ? "all checks passed" : "FAILED CHECKS:\n  " + string.Join("\n  ", Failures));
        return b.ToString();
    }
}
