using SmartPick.Bot.Storage.Postgres.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.LoadTest.Tests;

/// <summary>
/// The CI subset of the multi-instance harness: two real host processes on a throwaway PostgreSQL database, Telegram
/// webhooks through a round-robin proxy, one host SIGKILLed (a real kill -9) mid-run and not restarted. Every message
/// must still be answered exactly once (a reply may be re-sent, a message never applied twice), in each chat's order,
/// with no acknowledged answer missing from the database. Figures go to the output, not into assertions.
/// </summary>
public sealed class SmallMultiInstanceRunTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task TwoInstancesOnPostgres_OneKilledMidRun_NothingLostOrAppliedTwice_EachChatInOrder()
    {
        // Act
        var result = await Multi.MultiInstanceRun.RunAsync(
            new LoadOptions(Users: 30, Fault: FaultKind.Kill, Instances: 2, Postgres: true, ClaimSeconds: 3, ReplyTimeoutSeconds: 90), new OutputWriter(output));

        // Assert
        output.WriteLine(result.ToString());
        Assert.Empty(result.Failures);
        Assert.Equal(1, result.Faults.Kills);
        Assert.Equal(30 * Users.UserScript.Steps.Count, result.UserMessages);
    }
}
