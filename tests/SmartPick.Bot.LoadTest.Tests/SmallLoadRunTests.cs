using Xunit.Abstractions;

namespace SmartPick.Bot.LoadTest.Tests;

/// <summary>
/// The CI subset of the load harness: the real host composition against the fake Bot API on 127.0.0.1. Figures go to
/// the test output and are not asserted (wall-clock numbers depend on the machine); the checks are: every message
/// answered exactly once and in order, every user finished, no 429, host up, updates confirmed, database intact.
/// The full runs (1,000 users, production limits, SIGKILL loop) are commands; see README "Benchmarks and load tests".
/// </summary>
public sealed class SmallLoadRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FiftyUsersIntakeAndRank_EveryMessageAnsweredExactlyOnceInOrder()
    {
        // Act
        var result = await LoadRun.RunAsync(new LoadOptions(Users: 50, ReplyTimeoutSeconds: 60), new OutputWriter(output));

        // Assert
        output.WriteLine(result.ToString());
        Assert.Empty(result.Failures);
        Assert.Equal(50 * Users.UserScript.Steps.Count, result.UserMessages);
    }

    [Fact]
    public async Task BotApiReturns500sThenHangs_BotBacksOffRecoversAndStaysUp()
    {
        // Act: a quarter into the run the Bot API fails every request for 1.5 s, then hangs them for 1.5 s.
        var result = await LoadRun.RunAsync(new LoadOptions(Users: 20, Fault: FaultKind.Outage, OutageSeconds: 1.5, ReplyTimeoutSeconds: 60), new OutputWriter(output));

        // Assert
        output.WriteLine(result.ToString());
        Assert.Empty(result.Failures);
        Assert.Equal(3, result.Faults.OutageSeconds);
    }
}
