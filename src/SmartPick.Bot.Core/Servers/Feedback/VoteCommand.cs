using System.Security.Cryptography;
using System.Text;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Core.Servers.Feedback;

/// <summary>
/// A press on 👍/👎: stored without the user id. A second vote by the same user on the same answer (the same cited
/// sections) within 24 hours is refused, using HMAC-SHA256 of (platform, user, sections) under a random key kept in
/// the adapter state; the hash is deleted after 24 hours. In a group the press is silent (no reply for everyone to read).
/// </summary>
public sealed class VoteCommand(IFeedbackStore store, IAdapterStateStore state, TimeProvider clock)
{
    public static readonly TimeSpan DedupeFor = TimeSpan.FromHours(24);
    private const string KeyName = "feedback:hash-key";
    private byte[]? _key;

    internal async Task HandleAsync(Turn turn, string payload, CancellationToken cancellationToken)
    {
        if (!FeedbackButtons.TryParse(payload, out var helpful, out var sections))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var voter = await VoterHashAsync(turn.Message, sections, cancellationToken);
        var counted = await store.TryAddAsync(voter, new FeedbackVote(turn.Message.Platform, sections, helpful, now), now + DedupeFor, cancellationToken);
        if (!turn.InGroup)
        {
            turn.Say(new Reply(counted ? "Thanks — your feedback helps us improve the guide." : "You already rated this answer; thanks."));
        }
    }

    private async Task<string> VoterHashAsync(InboundMessage message, IReadOnlyList<string> sections, CancellationToken cancellationToken)
    {
        var key = _key ??= await KeyAsync(cancellationToken);
        var data = Encoding.UTF8.GetBytes(message.Platform + "\n" + message.UserId + "\n" + string.Join(',', sections));
        return Convert.ToHexString(HMACSHA256.HashData(key, data));
    }

    // One random key for every instance: the first to need it stores it; the others read that one.
    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (await state.GetAsync(KeyName, cancellationToken) is not { } stored)
        {
            await state.CompareAndSetAsync(KeyName, expected: null, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
            stored = await state.GetAsync(KeyName, cancellationToken) ?? throw new InvalidOperationException("The feedback key could not be stored.");
        }

        return Convert.FromBase64String(stored);
    }
}
