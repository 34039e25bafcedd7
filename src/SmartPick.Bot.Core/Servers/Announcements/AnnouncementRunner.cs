using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.Timeline;

namespace SmartPick.Bot.Core.Servers.Announcements;

/// <summary>
/// One pass of the announcement scheduler: for every server with announcements on, each due date is claimed in the
/// notification ledger (one row per server and date, keyed "server:&lt;id&gt;" so it never meets a user's rows), posted,
/// then completed — so it goes out once across restarts and instances. A channel that is gone or closed to the bot
/// switches the server's announcements off with the reason; a transient failure releases the claim for the next pass.
/// </summary>
public sealed partial class AnnouncementRunner(
    IServerSettingsStore settings,
    INotificationLedger ledger,
    IEnumerable<IServerMessenger> messengers,
    CycleTimeline timeline,
    IOptions<AnnouncementOptions> options,
    TimeProvider clock,
    ILogger<AnnouncementRunner> logger)
{
    private readonly Dictionary<string, IServerMessenger> _messengers = messengers.ToDictionary(m => m.Platform, StringComparer.Ordinal);

    /// <summary>The ledger's key for a server (never a user id: those are plain numbers).</summary>
    public static UserKey LedgerKey(ServerKey server) => new((server ?? throw new ArgumentNullException(nameof(server))).Platform, "server:" + server.ServerId);

    /// <summary>Returns how many posts were attempted (at most <see cref="AnnouncementOptions.MaxSendsPerCheck"/>).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var lease = TimeSpan.FromMinutes(o.ClaimLeaseMinutes);
        var attempted = 0;
        foreach (var (server, current) in await settings.ListAnnouncingAsync(cancellationToken))
        {
            if (!_messengers.TryGetValue(server.Platform, out var messenger))
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var today = ReminderPlanner.Today(now, ReminderPlanner.Zone(current.TimeZone, ServerSettings.DefaultTimeZone));
            foreach (var due in AnnouncementPlanner.Due(timeline, current, now, o))
            {
                if (attempted >= o.MaxSendsPerCheck)
                {
                    LogDeferred(o.MaxSendsPerCheck);
                    return attempted;
                }

                var key = LedgerKey(server);
                if (!await ledger.TryClaimAsync(key, due.Key, clock.GetUtcNow(), lease, cancellationToken))
                {
                    continue; // sent already, or another instance holds it
                }

                attempted++;
                if (!await SendAsync(server, current, messenger, key, due, today, cancellationToken))
                {
                    break; // announcements are off for this server now
                }
            }
        }

        return attempted;
    }

    private async Task<bool> SendAsync(ServerKey server, ServerSettings current, IServerMessenger messenger, UserKey key, DueAnnouncement due, DateOnly today, CancellationToken cancellationToken)
    {
        ServerSendResult result;
        try
        {
            result = await messenger.SendAsync(server, current.AnnouncementChannelId, AnnouncementPlanner.Message(due, today), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex, server.Platform);
            result = ServerSendResult.Failed;
        }

        // A cancellation (shutdown) leaves the claim to expire: the post may or may not have left.
        switch (result.Status)
        {
            case ServerSendStatus.Sent:
                await ledger.CompleteAsync(key, due.Key, NoticeOutcome.Sent, CancellationToken.None);
                return true;
            case ServerSendStatus.Gone:
                LogSwitchedOff(server.Platform);
                await ledger.CompleteAsync(key, due.Key, NoticeOutcome.Unreachable, CancellationToken.None);
                await settings.SetAsync(server, current with { Announcements = false, AnnouncementsOffReason = result.Reason ?? "I could not post there." }, CancellationToken.None);
                return false;
            default:
                await ledger.ReleaseAsync(key, due.Key, options.Value.MaxAttempts, CancellationToken.None);
                return true;
        }
    }

    [LoggerMessage(EventId = 970, Level = LogLevel.Information, Message = "Announcement check reached its limit of {Limit} posts; the rest follow on the next check")]
    private partial void LogDeferred(int limit);

    [LoggerMessage(EventId = 971, Level = LogLevel.Warning, Message = "Posting a {Platform} announcement failed; it will be retried")]
    private partial void LogSendFailed(Exception exception, string platform);

    [LoggerMessage(EventId = 972, Level = LogLevel.Warning, Message = "A {Platform} server's announcement channel is gone or closed to the bot; announcements switched off")]
    private partial void LogSwitchedOff(string platform);
}
