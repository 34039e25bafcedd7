using System.Diagnostics;
using System.Diagnostics.Metrics;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Http.Telemetry;

/// <summary>
/// Platform-neutral instruments (meter <see cref="MeterName"/>): turns, their latency, guide refusals, rank requests
/// and storage errors. Tags are the platform and the kind of message only, never a user or profile value.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "SmartPick.Bot";
    private readonly Counter<long> turns;
    private readonly Histogram<double> turnDuration;
    private readonly Counter<long> turnFailures;
    private readonly Counter<long> guideAnswers;
    private readonly Counter<long> guideRefusals;
    private readonly Counter<long> rankRequests;
    private readonly Counter<long> storageErrors;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        turns = meter.CreateCounter<long>("smartpick.turns", description: "Messages handled by the conversation engine, by platform and kind (text, command, button, form).");
        turnDuration = meter.CreateHistogram<double>("smartpick.turn.duration", unit: "s", description: "Time the engine took to answer one message.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        turnFailures = meter.CreateCounter<long>("smartpick.turn.failures", description: "Engine calls that threw (the user got an apology).");
        guideAnswers = meter.CreateCounter<long>("smartpick.guide.answers", description: "Guide questions answered from the guide.");
        guideRefusals = meter.CreateCounter<long>("smartpick.guide.refusals", description: "Guide questions the guide does not cover (the bot said so instead of guessing).");
        rankRequests = meter.CreateCounter<long>("smartpick.rank.requests", description: "/rank requests, by platform.");
        storageErrors = meter.CreateCounter<long>("smartpick.storage.errors", description: "Database errors, by where they surfaced (turn, readiness).");
    }

    public static string KindOf(InboundContent content) => content switch
    {
        CommandContent => "command",
        ButtonContent => "button",
        FormContent => "form",
        _ => "text",
    };

    public void Turn(string platform, string kind, TimeSpan duration)
    {
        var tags = new TagList { { "platform", platform }, { "kind", kind } };
        turns.Add(1, tags);
        turnDuration.Record(duration.TotalSeconds, tags);
    }

    public void TurnFailed(string platform) => turnFailures.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void GuideAnswered(bool covered) => (covered ? guideAnswers : guideRefusals).Add(1);

    public void RankRequested(string platform) => rankRequests.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void StorageError(string source) => storageErrors.Add(1, new KeyValuePair<string, object?>("source", source));
}
