using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Contract;

/// <summary>Adapter bookkeeping shared by instances: last writer wins for plain sets; compare-and-set and increment are atomic.</summary>
public sealed class AdapterStateContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task SetAndGet_LastWriterWins_AndMissingIsNull(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.AdapterState();

        await store.SetAsync("telegram:offset", "17", None);
        await store.SetAsync("telegram:offset", "18", None);

        Assert.Equal("18", await store.GetAsync("telegram:offset", None));
        Assert.Null(await store.GetAsync("missing", None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task CompareAndSet_SucceedsOnlyFromTheExpectedValue(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.AdapterState();

        Assert.True(await store.CompareAndSetAsync("k", null, "1", None));
        Assert.False(await store.CompareAndSetAsync("k", null, "9", None));
        Assert.False(await store.CompareAndSetAsync("k", "0", "9", None));
        Assert.True(await store.CompareAndSetAsync("k", "1", "2", None));
        Assert.Equal("2", await store.GetAsync("k", None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Increment_FromTwoInstancesAtOnce_CountsEveryCall(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var first = storage.AdapterState();
        var second = storage.AdapterState();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).IncrementAsync("discord:identifies", 1, None)));

        Assert.Equal(40, await first.IncrementAsync("discord:identifies", 0, None));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), results.Order());
    }
}
