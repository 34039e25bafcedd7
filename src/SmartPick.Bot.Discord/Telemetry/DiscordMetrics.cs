using System.Diagnostics.Metrics;

namespace SmartPick.Bot.Discord.Telemetry;

/// <summary>
/// The Discord adapter's instruments (meter <see cref="MeterName"/>). Tags carry only protocol facts (reason, scope),
/// never a user, channel or guild id.
/// </summary>
public sealed class DiscordMetrics
{
    public const string MeterName = "SmartPick.Bot.Discord";
    private readonly Counter<long> reconnects;
    private readonly Counter<long> sessions;
    private readonly Counter<long> protocolFaults;
    private readonly Histogram<double> ackLatency;
    private readonly Counter<long> ackMisses;
    private readonly Counter<long> rateLimited;
    private readonly Counter<long> limitWaits;
    private readonly Counter<long> restarts;

    public DiscordMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        reconnects = meter.CreateCounter<long>("smartpick.discord.gateway.reconnects", description: "Gateway connections after the first, by the recovery that followed the last one (resume, new_session).");
        sessions = meter.CreateCounter<long>("smartpick.discord.gateway.sessions", description: "IDENTIFY (kind=identify) and RESUME (kind=resume) payloads sent.");
        protocolFaults = meter.CreateCounter<long>("smartpick.discord.gateway.protocol_faults", description: "Gateway payloads the client could not use (connection dropped and resumed).");
        ackLatency = meter.CreateHistogram<double>("smartpick.discord.interaction.ack.duration", unit: "s", description: "Time from receipt of an interaction to its acknowledgement.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5] });
        ackMisses = meter.CreateCounter<long>("smartpick.discord.interaction.ack.misses", description: "Interactions not acknowledged within Discord's 3 s (10062 Unknown interaction).");
        rateLimited = meter.CreateCounter<long>("smartpick.rate_limited", description: "429 answers from the platform API, by platform and scope.");
        limitWaits = meter.CreateCounter<long>("smartpick.send_limit.waits", description: "Sends that waited for the adapter's own send-rate limiter, by platform.");
        restarts = meter.CreateCounter<long>("smartpick.adapter.restarts", description: "Adapter background loops restarted after an unexpected failure.");
        QueueLength = () => 0;
        meter.CreateObservableGauge("smartpick.discord.dispatch.queue", () => QueueLength(), description: "Gateway dispatches received and not yet fully handled (queued for a handler slot or running).");
    }

    /// <summary>Set by the gateway service: the length of its dispatch queue.</summary>
    public Func<int> QueueLength { get; set; }

    public void Reconnect(bool newSession) => reconnects.Add(1, new KeyValuePair<string, object?>("recovery", newSession ? "new_session" : "resume"));

    public void Identify() => sessions.Add(1, new KeyValuePair<string, object?>("kind", "identify"));

    public void Resume() => sessions.Add(1, new KeyValuePair<string, object?>("kind", "resume"));

    public void ProtocolFault() => protocolFaults.Add(1);

    public void Acknowledged(TimeSpan sinceReceipt) => ackLatency.Record(sinceReceipt.TotalSeconds);

    public void AcknowledgementMissed() => ackMisses.Add(1);

    public void RateLimited(string scope) => rateLimited.Add(1, new("platform", "discord"), new("scope", scope));

    public void SendLimitWait() => limitWaits.Add(1, new KeyValuePair<string, object?>("platform", "discord"));

    public void Restarted(string service) => restarts.Add(1, new("platform", "discord"), new("service", service));
}
