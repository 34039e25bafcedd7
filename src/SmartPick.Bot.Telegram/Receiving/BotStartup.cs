using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Telegram.Commands;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Logging;
using SmartPick.Bot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Receiving;

/// <summary>
/// First calls on start: learn who the bot is (getMe) and publish the command menus for private chats and
/// groups. Network trouble is retried with back-off; a rejected token is not.
/// </summary>
public sealed class BotStartup(TelegramClientFactory clients, BotIdentity identity, IHostApplicationLifetime lifetime,
    AdapterFailure failure, TimeProvider time, ILogger<BotStartup> logger)
{
    /// <summary>False when Telegram rejected the token: logged, and the host is asked to stop.</summary>
    public async Task<bool> TryInitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ApiRequestException e) when (IsTokenRejected(e))
        {
            TelegramLog.TokenRejected(logger, e.ErrorCode);
            failure.Report("telegram"); // a fatal adapter error is a failed run, not a clean stop
            lifetime.StopApplication();
            return false;
        }
    }

    /// <summary>The Bot API answers 401 for a revoked token and 404 for a malformed one.</summary>
    public static bool IsTokenRejected(ApiRequestException e) => e.ErrorCode is 401 or 404;

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var me = await RetryAsync((bot, ct) => bot.GetMe(ct), cancellationToken).ConfigureAwait(false);
        identity.Set(me.Id, me.Username ?? throw new InvalidOperationException("getMe returned a bot without a username."));
        await RetryAsync(async (bot, ct) =>
        {
            await bot.SetMyCommands(commands: TelegramCommandCatalog.PrivateMenu(), scope: BotCommandScope.AllPrivateChats(), cancellationToken: ct).ConfigureAwait(false);
            await bot.SetMyCommands(commands: TelegramCommandCatalog.GroupMenu(), scope: BotCommandScope.AllGroupChats(), cancellationToken: ct).ConfigureAwait(false);
            await bot.SetMyCommands(commands: TelegramCommandCatalog.AdminMenu(), scope: BotCommandScope.AllChatAdministrators(), cancellationToken: ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Retries until success, cancellation, or an error that retrying cannot fix (bad token, bad request).</summary>
    public async Task<T> RetryAsync<T>(Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(clients.Create(), cancellationToken).ConfigureAwait(false);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1)), time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (TelegramSender.IsTransient(e, cancellationToken))
            {
                var delay = TelegramSender.Backoff(Math.Min(attempt, 7));
                TelegramLog.StartupRetry(logger, e, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
