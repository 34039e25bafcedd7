using System.Globalization;
using System.Text;
using SmartPick.Bot.LoadTest.Faults;
using SmartPick.Bot.LoadTest.Users;
using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.LoadTest.Report;

/// <summary>Figures and failed checks of one run. <see cref="Failures"/> empty means every check passed.</summary>
public sealed record LoadResult(
    LoadOptions Options,
    int UserMessages,
    int BotMessages,
    double Seconds,
    Percentiles FirstReplyMs,
    Percentiles AnswerMs,
    int MaxSendsPerSecond,
    double MinPerChatGapMs,
    int Status429,
    FaultLog Faults,
    int TranscriptDeviations,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> Notes)
{
    public double MessagesPerSecond => UserMessages / Seconds;

    public static LoadResult Analyze(LoadOptions options, FakeBotApi api, IReadOnlyList<SimulatedUser> users, double runStartMs, FaultLog faults,
        bool stillUp, int pendingUpdates, string integrity, IReadOnlyList<string> lostAnswers, FaultProxy? proxy)
    {
        var failures = new List<string>();
        var notes = new List<string>();
        var sends = api.Calls.Where(c => c.Succeeded && c.Method is "sendMessage" or "sendPhoto" && c.ChatId >= LoadRun.FirstUserId).ToList();
        var byChat = sends.GroupBy(c => c.ChatId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(c => c.AtMs).ToList());

        // A reply sent again with identical text is a re-send: after a SIGKILL between "reply sent" and "update
        // confirmed", Telegram redelivers the update and the engine (which applies it only once) repeats its replies,
        // because Telegram has no idempotent send and a lost reply would leave the user waiting. Count re-sends apart
        // from real deviations (a message applied twice, answered differently, or not at all).
        var resent = 0;
        foreach (var chat in byChat.Keys.ToList())
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var unique = byChat[chat].Where(m => seen.Add(Plain.Of(m))).ToList();
            resent += byChat[chat].Count - unique.Count;
            byChat[chat] = unique;
        }

        if (resent > 0)
        {
            notes.Add($"replies re-sent after a redelivered update: {resent}");
            if (options.Fault != FaultKind.Kill)
            {
                failures.Add($"{resent} replies were sent twice without any crash");
            }
        }

        // Replies per user message: the bot's messages between one user message and the next.
        var shapes = users.ToDictionary(u => u.UserId, u => Shape(u, byChat.GetValueOrDefault(u.UserId) ?? []));
        var reference = shapes.Values.GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
        var deviating = shapes.Where(s => s.Value != reference).ToList();
        foreach (var (user, shape) in deviating.Take(5))
        {
            failures.Add($"user {user}: replies per message [{shape}] differ from the usual [{reference}]");
        }

        if (deviating.Count > 0)
        {
            // The first deviating conversation, abridged: enough to see what went wrong (the script holds no real data).
            var user = users.First(u => u.UserId == deviating[0].Key);
            var chat = byChat.GetValueOrDefault(user.UserId) ?? [];
            notes.Add($"transcript of user {user.UserId}:\n" + string.Join("\n", chat.Select(m =>
                $"    [{user.Sent.FindLastIndex(x => x.SentAtMs <= m.AtMs)}: {UserScript.Steps[Math.Max(0, user.Sent.FindLastIndex(x => x.SentAtMs <= m.AtMs))].Say}] " +
                Plain.Of(m).ReplaceLineEndings(" ")[..Math.Min(90, Plain.Of(m).ReplaceLineEndings(" ").Length)])));
        }

        if (deviating.Count > 5)
        {
            failures.Add($"... {deviating.Count - 5} more users with deviating transcripts");
        }

        if (reference.Split(',').Any(n => n == "0"))
        {
            failures.Add($"a user message got no reply in the usual transcript [{reference}]");
        }

        foreach (var user in users.Where(u => u.Failure is not null).Take(5))
        {
            failures.Add($"user {user.UserId}: {user.Failure}");
        }

        var unfinished = users.Count(u => u.Failure is not null);
        if (unfinished > 5)
        {
            failures.Add($"... {unfinished - 5} more users did not finish");
        }

        var firstReply = new List<double>();
        var answer = new List<double>();
        foreach (var user in users)
        {
            var chat = byChat.GetValueOrDefault(user.UserId) ?? [];
            for (var i = 0; i < user.AnsweredAtMs.Count; i++)
            {
                var sentAt = user.Sent[i].SentAtMs;
                answer.Add(user.AnsweredAtMs[i] - sentAt);
                if (chat.FirstOrDefault(c => c.AtMs >= sentAt) is { } first)
                {
                    firstReply.Add(first.AtMs - sentAt);
                }
            }
        }

        var end = sends.Count > 0 ? sends.Max(c => c.AtMs) : runStartMs + 1;
        var status429 = api.Calls.Count(c => c.Status == 429);
        var (maxPerSecond, minGap) = Rates(sends, byChat);
        if (options.ProductionLimits && (maxPerSecond > 30 || minGap < 950))
        {
            failures.Add($"send limits exceeded: {maxPerSecond} messages in one second (Telegram allows ~30), closest two messages to one chat {minGap:F0} ms apart (1 s expected)");
        }

        if (status429 > 0)
        {
            failures.Add($"{status429} requests got 429");
        }

        if (!stillUp)
        {
            failures.Add("the host stopped during the run");
        }

        if (pendingUpdates > 0)
        {
            failures.Add($"{pendingUpdates} updates were never confirmed to Telegram");
        }

        if (integrity != "ok")
        {
            failures.Add("final PRAGMA integrity_check: " + integrity);
        }

        failures.AddRange(faults.IntegrityChecks.Where(r => r != "ok").Select(r => "integrity_check after a kill: " + r));
        failures.AddRange(lostAnswers.Take(10).Select(l => "acknowledged answer lost: " + l));
        if (proxy is not null)
        {
            notes.Add($"outage: {proxy.RequestsIn(ProxyMode.ServerError)} requests answered 500 and {proxy.RequestsIn(ProxyMode.Hang)} hung in {faults.OutageSeconds:F0} s " +
                $"({(proxy.RequestsIn(ProxyMode.ServerError) + proxy.RequestsIn(ProxyMode.Hang)) / Math.Max(1, faults.OutageSeconds):F1} requests/s while down)");
        }

        return new LoadResult(options, users.Sum(u => u.Sent.Count), sends.Count, (end - runStartMs) / 1000, Percentiles.Of(firstReply), Percentiles.Of(answer),
            maxPerSecond, minGap, status429, faults, deviating.Count, failures, notes);
    }

    private static string Shape(SimulatedUser user, List<RecordedCall> chat)
    {
        var counts = new int[user.Sent.Count];
        foreach (var message in chat)
        {
            var step = user.Sent.FindLastIndex(s => s.SentAtMs <= message.AtMs);
            if (step >= 0)
            {
                counts[step]++;
            }
        }

        return string.Join(',', counts);
    }

    private static (int MaxPerSecond, double MinGapMs) Rates(List<RecordedCall> sends, Dictionary<long, List<RecordedCall>> byChat)
    {
        var times = sends.Select(c => c.AtMs).Order().ToArray();
        var max = 0;
        for (int i = 0, j = 0; i < times.Length; i++)
        {
            while (times[i] - times[j] >= 1000)
            {
                j++;
            }

            max = Math.Max(max, i - j + 1);
        }

        var gaps = byChat.Values.SelectMany(c => c.Zip(c.Skip(1), (a, b) => b.AtMs - a.AtMs)).DefaultIfEmpty(double.PositiveInfinity);
        return (max, gaps.Min());
    }

    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine(string.Create(inv, $"users {Options.Users}, limits {(Options.ProductionLimits ? "production" : "off")}, fault {Options.Fault}"));
        b.AppendLine(string.Create(inv, $"user messages {UserMessages}, bot messages {BotMessages}, in {Seconds:F1} s: {MessagesPerSecond:F1} user messages/s answered, {BotMessages / Seconds:F1} bot messages/s"));
        b.AppendLine($"first reply latency: {FirstReplyMs}");
        b.AppendLine($"expected answer latency: {AnswerMs}");
        b.AppendLine(string.Create(inv, $"busiest second: {MaxSendsPerSecond} messages sent; closest two messages to one chat: {MinPerChatGapMs:F0} ms; 429 responses: {Status429}"));
        if (Options.Fault == FaultKind.Kill)
        {
            b.AppendLine(string.Create(inv, $"SIGKILLs: {Faults.Kills}, integrity_check ok after {Faults.IntegrityChecks.Count(r => r == "ok")} of {Faults.IntegrityChecks.Count}"));
        }

        foreach (var note in Notes)
        {
            b.AppendLine(note);
        }

        b.AppendLine(string.Create(inv, $"users whose transcript deviates (a message answered twice, not at all, or differently): {TranscriptDeviations}"));
        b.AppendLine(Failures.Count == 0 ? "all checks passed" : "FAILED CHECKS:\n  " + string.Join("\n  ", Failures));
        return b.ToString();
    }
}

/// <summary>Latency summary in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50, double P90, double P99, double Max)
{
    public static Percentiles Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0);
        }

        values.Sort();
        double P(double p) => values[(int)Math.Min(values.Count - 1, Math.Ceiling(p * values.Count) - 1)];
        return new Percentiles(values.Count, P(0.5), P(0.9), P(0.99), values[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"n={Count} p50 {P50:F0} ms, p90 {P90:F0} ms, p99 {P99:F0} ms, max {Max:F0} ms");
}
