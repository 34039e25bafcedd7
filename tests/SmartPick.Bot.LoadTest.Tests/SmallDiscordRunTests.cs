using SmartPick.Bot.LoadTest.Discord;
using Xunit.Abstractions;

namespace SmartPick.Bot.LoadTest.Tests;

/// <summary>
/// The CI subset of the Discord load harness: the real host composition against the fake Discord (gateway + REST) on
/// 127.0.0.1. Figures go to the test output and are not asserted; the checks are: every user finished the intake and
/// /rank (half in the server channel through ephemeral interaction responses, half in the DM), every step answered exactly once and in order, every interaction acknowledged once within 3 s (no 10062,
/// no 40060), every request valid for the fake, the global limit kept, host up, database intact.
/// </summary>
public sealed class SmallDiscordRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThirtyDiscordUsersIntakeAndRank_EveryInteractionAcknowledgedOnceAndEveryStepAnsweredOnce()
    {
        // Act
        var result = await DiscordLoadRun.RunAsync(new DiscordLoadOptions(Users: 30, ReplyTimeoutSeconds: 60), new OutputWriter(output));

        // Assert
        output.WriteLine(result.ToString());
        Assert.Empty(result.Failures);
        Assert.Equal((15 * DiscordScript.InServer.Count) + (15 * DiscordScript.InDm.Count), result.Steps);
        Assert.Equal(0, result.UnknownInteraction10062);
        Assert.Equal(0, result.AlreadyAcknowledged40060);
    }

    [Fact]
    public async Task GatewayDropOp7AndOp9DuringLoad_AdapterResumesOrIdentifies_NoDuplicateOrMissingReplies()
    {
        // Act: drop, op 7, op 9 (resumable) and op 9 (not resumable) spread over the run.
        var result = await DiscordLoadRun.RunAsync(new DiscordLoadOptions(Users: 20, GatewayFaults: true, ReplyTimeoutSeconds: 60), new OutputWriter(output));

        // Assert
        output.WriteLine(result.ToString());
        Assert.Empty(result.Failures);
        Assert.Equal(["drop", "op7", "op9-resumable", "op9-new-session"], result.Faults.Played);
        Assert.Equal(3, result.Resumes);
        Assert.Equal(2, result.Identifies);
        Assert.Equal(result.LostDispatches, result.Expired); // every lost action was seen as expired and redone
    }
}
