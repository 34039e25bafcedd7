using System.Diagnostics.Metrics;

namespace SmartPick.Bot.Telegram.Telemetry;

/// <summary>The Telegram adapter's instruments (meter <see cref="MeterName"/>); no chat or user ids in tags.</summary>
public sealed class TelegramMetrics
{
    public const string MeterName = "SmartPick.Bot.Telegram";
    private readonly Histogram<double> updateLag;
    private readonly Counter<long> rateLimited;
    private readonly Counter<long> limitWaits;
    private readonly Counter<long> restarts;
    private readonly Counter<long> malformed;

    public TelegramMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        updateLag = meter.CreateHistogram<double>("smartpick.telegram.update.lag", unit: "s", description: "Time from a message's date (Telegram's clock, 1 s resolution) to its receipt by the bot.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 30, 60, 300, 900, 3600] });
        rateLimited = meter.CreateCounter<long>("smartpick.rate_limited", description: "429 answers from the platform API, by platform and scope.");
        limitWaits = meter.CreateCounter<long>("smartpick.send_limit.waits", description: "Sends that waited for the adapter's own send-rate limiter, by platform.");
        restarts = meter.CreateCounter<long>("smartpick.adapter.restarts", description: "Adapter background loops restarted after an unexpected failure.");
        malformed = meter.CreateCounter<long>("smartpick.telegram.malformed", description: "Bot API answers or webhook bodies that were not the JSON expected (HTML error pages, truncated JSON).");
    }

    public void UpdateReceived(TimeSpan lag) => updateLag.Record(Math.Max(0, lag.TotalSeconds));

    public void RateLimited() => rateLimited.Add(1, new("platform", "telegram"), new("scope", "chat"));

    public void SendLimitWait() => limitWaits.Add(1, new KeyValuePair<string, object?>("platform", "telegram"));

    public void Restarted(string service) => restarts.Add(1, new("platform", "telegram"), new("service", service));

    public void Malformed(string source) => malformed.Add(1, new KeyValuePair<string, object?>("source", source));
}
