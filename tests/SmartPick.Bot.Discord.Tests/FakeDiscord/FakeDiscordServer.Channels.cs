using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace SmartPick.Bot.Discord.Tests.FakeDiscord;

public sealed partial class FakeDiscordServer
{
    /// <summary>
    /// Channels the bot may not post in, answered as Discord does: 403 {code 50013, "Missing Permissions"} or
    /// 404 {code 10003, "Unknown Channel"} (a deleted channel).
    /// </summary>
    public ConcurrentDictionary<string, int> ChannelErrors { get; } = new(StringComparer.Ordinal);

    private IResult PostMessage(string channelId) => ChannelErrors.TryGetValue(channelId, out var code)
        ? code == 10003 ? Error(404, 10003, "Unknown Channel") : Error(403, code, "Missing Permissions")
        : Message(channelId);
}
