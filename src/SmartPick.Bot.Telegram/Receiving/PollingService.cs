using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Dispatch;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Logging;
using SmartPick.Bot.Telegram.Sending;
using SmartPick.Bot.Telegram.Telemetry;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace SmartPick.Bot.Telegram.Receiving;

/// <summary>
/// Long polling. The loop only fetches and dispatches, so a slow handler never holds up getUpdates; the offset
/// sent to Telegram is the lowest unfinished update (see <see cref="UpdateLedger"/>), and on stop in-flight
/// updates are drained before the offset is persisted. Across instances (<see cref="IRoleLeases"/> registered) only the
/// holder of <see cref="PollerRole"/> polls; the offset lives in the shared adapter state, so the next holder continues
/// where the last one confirmed. A holder that loses the role stops polling, drains and saves, then waits for it again.
/// </summary>
public sealed class PollingService(
    BotStartup startup,
    BotIdentity identity,
    TelegramClientFactory clients,
    UpdateLedger ledger,
    ChatDispatcher dispatcher,
    IHostApplicationLifetime lifetime,
    AdapterFailure failure,
    AdapterSupervisor supervisor,
    TelegramReadiness readiness,
    TelegramMetrics metrics,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<PollingService> logger,
    IRoleLeases? leases = null) : BackgroundService
{
    private static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];
    private static readonly TimeSpan BusyPollInterval = TimeSpan.FromMilliseconds(500);
    private readonly PollerRole _role = new(readiness, leases);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        supervisor.RunAsync("telegram", "polling", PollAsync, () => metrics.Restarted("polling"), stoppingToken);

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        readiness.NotReady("starting");
        if (!await startup.TryInitializeAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var held = await _role.AcquireAsync(stoppingToken).ConfigureAwait(false);
            if (!await PollWhileHeldAsync(held).ConfigureAwait(false) || stoppingToken.IsCancellationRequested)
            {
                return; // StopAsync drains, saves the offset and releases the role
            }

            // The role was lost: another instance may be polling already. Finish what was taken, then stand by again.
            await dispatcher.DrainAsync(stoppingToken).ConfigureAwait(false);
            await ledger.FlushAsync(stoppingToken).ConfigureAwait(false);
            await _role.ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Polls until <paramref name="held"/> ends; false after a fatal error (the host is being stopped).</summary>
    private async Task<bool> PollWhileHeldAsync(CancellationToken held)
    {
        try
        {
            // Polling is refused while a webhook is set; keep pending updates (dropping them would lose messages).
            await startup.RetryAsync(async (bot, ct) =>
            {
                await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct).ConfigureAwait(false);
                return true;
            }, held).ConfigureAwait(false);

            // Another instance may have moved the offset on since this one last polled.
            if (await ledger.LoadAsync(held).ConfigureAwait(false) is { } offset)
            {
                TelegramLog.Resuming(logger, offset);
            }
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            return true;
        }

        TelegramLog.Started(logger, identity.Username, nameof(TelegramMode.Polling));
        var failures = 0;
        while (!held.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(held).ConfigureAwait(false);
                readiness.Ready();
                failures = 0;
            }
            catch (OperationCanceledException) when (held.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException e) when (BotStartup.IsTokenRejected(e))
            {
                TelegramLog.TokenRejected(logger, e.ErrorCode);
                readiness.NotReady("token rejected");
                failure.Report("telegram"); // a fatal adapter error is a failed run, not a clean stop
                lifetime.StopApplication();
                return false;
            }
            catch (Exception e) when (e is not OperationCanceledException || !held.IsCancellationRequested)
            {
                // Network errors, 5xx, 409 (another poller or a webhook), an HTML error page or truncated JSON from a
                // proxy during an outage: back off and keep the host alive.
                readiness.NotReady("getUpdates failing: " + e.GetType().Name);
                if (TelegramSender.IsMalformedAnswer(e))
                {
                    metrics.Malformed("getUpdates");
                }

                var delay = TelegramSender.Backoff(Math.Min(++failures, 7));
                TelegramLog.PollingFailed(logger, e, (long)delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, time, held).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (held.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        return true;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        var inFlight = ledger.InFlightCount;
        await dispatcher.DrainAsync(cancellationToken).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested && ledger.InFlightCount > 0)
        {
            TelegramLog.DrainCancelled(logger, Math.Min(inFlight, ledger.InFlightCount));
        }

        await ledger.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await _role.ReleaseAsync().ConfigureAwait(false);
    }

    private async Task PollOnceAsync(CancellationToken stoppingToken)
    {
        await ledger.FlushAsync(stoppingToken).ConfigureAwait(false);
        var o = options.Value;
        var busy = ledger.InFlightCount > 0;
        var started = time.GetTimestamp();
        var updates = await clients.Create().GetUpdates(
            offset: ledger.FetchOffset, limit: o.PollLimit, timeout: busy ? 0 : o.PollTimeoutSeconds,
            allowedUpdates: AllowedUpdates, cancellationToken: stoppingToken).ConfigureAwait(false);
        var fresh = 0;
        foreach (var update in updates.OrderBy(u => u.Id))
        {
            if (!ledger.TryBegin(update.Id))
            {
                continue;
            }

            fresh++;
            if (update.Message is { } message)
            {
                metrics.UpdateReceived(time.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)));
            }

            dispatcher.Dispatch(update, UpdateTranslator.ChatOf(update) ?? 0);
        }

        TelegramLog.Polled(logger, updates.Length, fresh, (long)time.GetElapsedTime(started).TotalMilliseconds);
        if (fresh == 0 && ledger.InFlightCount > 0)
        {
            // Unfinished updates stay below the offset, so Telegram answers at once: wait for progress instead of spinning.
            await ledger.WaitForProgressAsync(BusyPollInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }
}
