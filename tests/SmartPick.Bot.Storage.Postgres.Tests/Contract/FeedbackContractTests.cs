using SmartPick.Bot.Core.Servers.Feedback;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Contract;

/// <summary>Issue 16 point 4 on each provider: votes stored without user ids; a voter hash refuses a second vote for 24 hours only.</summary>
public sealed class FeedbackContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task ASecondVoteWithTheSameVoterHash_IsRefusedFor24Hours_ThenCountsAgain(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.Get<IFeedbackStore>();
        var up = new FeedbackVote("telegram", ["soap", "eras-fees"], true, Start);

        Assert.True(await store.TryAddAsync("hash-a", up, Start.AddHours(24), None));
        Assert.False(await storage.Get<IFeedbackStore>().TryAddAsync("hash-a", up with { Helpful = false, At = Start.AddHours(23) }, Start.AddHours(47), None)); // another instance
        Assert.True(await store.TryAddAsync("hash-b", up with { Platform = "discord" }, Start.AddHours(24), None));
        Assert.True(await store.TryAddAsync("hash-a", up with { At = Start.AddHours(24) }, Start.AddHours(48), None)); // the key expired

        var votes = await store.ListAsync(since: null, None);
        Assert.Equal(3, votes.Count);
        Assert.Equal(("telegram", "soap,eras-fees", true, Start), (votes[0].Platform, string.Join(',', votes[0].Sections), votes[0].Helpful, votes[0].At));
        Assert.Equal(["telegram", "discord", "telegram"], votes.Select(x => x.Platform)); // the refused 👎 was not stored
        Assert.All(votes, x => Assert.True(x.Helpful));
        Assert.Equal([Start.AddHours(24)], (await store.ListAsync(Start.AddHours(1), None)).Select(x => x.At));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task PurgeExpired_DeletesOnlyHashesWhose24HoursAreOver_VotesStay(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.Get<IFeedbackStore>();
        await store.TryAddAsync("old", new FeedbackVote("telegram", ["soap"], true, Start), Start.AddHours(24), None);
        await store.TryAddAsync("new", new FeedbackVote("telegram", ["soap"], true, Start.AddHours(12)), Start.AddHours(36), None);

        Assert.Equal(1, await store.PurgeExpiredAsync(Start.AddHours(25), None));

        Assert.Equal(0, await store.PurgeExpiredAsync(Start.AddHours(25), None));
        Assert.False(await store.TryAddAsync("new", new FeedbackVote("telegram", ["soap"], false, Start.AddHours(25)), Start.AddHours(49), None)); // still held
        Assert.Equal(2, (await store.ListAsync(since: null, None)).Count);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task SharedQuestions_AreStoredAsGiven_AndListedOldestFirstSinceADate(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.Get<IFeedbackStore>();
        var early = new SharedQuestion("telegram", "I got ### on CK, \"enough\" for IM, or not?", ["how-many", "eras-fees"], Start);
        var later = new SharedQuestion("discord", "what's a signal?", ["how-many"], Start.AddDays(2));

        await store.AddSharedAsync(later, None);
        await storage.Get<IFeedbackStore>().AddSharedAsync(early, None); // another instance
        await store.AddSharedAsync(later, None); // the same words shared twice are two shares

        var all = await store.ListSharedAsync(since: null, None);
        Assert.Equal([Describe(early), Describe(later), Describe(later)], all.Select(Describe));
        Assert.Equal([Start.AddDays(2), Start.AddDays(2)], (await store.ListSharedAsync(Start.AddDays(1), None)).Select(q => q.At));
        Assert.Empty(await store.ListAsync(since: null, None)); // a share is not a vote
    }

    private static (string, string, string, DateTimeOffset) Describe(SharedQuestion q) => (q.Platform, q.Text, string.Join(',', q.Sections), q.At);
}
