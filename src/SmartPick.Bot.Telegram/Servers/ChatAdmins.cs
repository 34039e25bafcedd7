using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace SmartPick.Bot.Telegram.Servers;

/// <summary>
/// Whether a user administers a group: getChatMember status creator or administrator, cached for
/// <see cref="CacheFor"/> so a burst of /settings changes asks Telegram once. An anonymous administrator writes as
/// GroupAnonymousBot on behalf of the group itself; the translator gives such a message the group's id as its author,
/// and that author counts as an administrator.
/// A failed lookup is "no" and is not cached.
/// </summary>
public sealed partial class ChatAdmins(TelegramClientFactory clients, TimeProvider clock, ILogger<ChatAdmins> logger) : IServerAdmins
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(2);
    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<(long Chat, long User), (bool Admin, DateTimeOffset Until)> _cache = new();

    public string Platform => UpdateTranslator.Platform;

    public async Task<bool> IsAdminAsync(ServerKey server, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (!long.TryParse(server.ServerId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chat)
            || !long.TryParse(userId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var user))
        {
            return false;
        }

        if (user == chat)
        {
            return true; // the group itself: an anonymous administrator (the translator lets only that case through)
        }

        var now = clock.GetUtcNow();
        if (_cache.TryGetValue((chat, user), out var cached) && cached.Until > now)
        {
            return cached.Admin;
        }

        try
        {
            var member = await clients.Create().GetChatMember(chat, user, cancellationToken).ConfigureAwait(false);
            var admin = member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }

            _cache[(chat, user)] = (admin, now + CacheFor);
            return admin;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogLookupFailed(ex);
            return false;
        }
    }

    [LoggerMessage(EventId = 960, Level = LogLevel.Warning, Message = "Telegram getChatMember failed; treating the user as not an administrator")]
    private partial void LogLookupFailed(Exception exception);
}
