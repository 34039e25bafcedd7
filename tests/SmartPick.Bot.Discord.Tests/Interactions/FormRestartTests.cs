using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Interactions;

/// <summary>Issue #13: an "open form" button rendered before a restart still opens its modal after it.</summary>
public sealed class FormRestartTests
{
    [Fact]
    public async Task FormButtonFromBeforeARestart_OpensTheModal_AndTheSubmitReachesTheEngine()
    {
        // Arrange: the first process shows the intake question with its "open form" button.
        var database = Path.Combine(Path.GetTempPath(), $"smartpick-discord-restart-{Guid.NewGuid():N}.db");
        var form = new FormRequest("scores", "Your USMLE results", [new FormField("step2ck", "Step 2 CK score", "238")]);
        string buttonId;
        try
        {
            await using (var before = await BotHarness.StartAsync(sharedDatabasePath: database))
            {
                before.Engine.Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([new Reply("Question 4 of 12") { Form = form, Choices = [new Choice("Skip", "skip")] }]);
                var question = await before.InteractAsync(2, """{"id":"1","name":"profile","type":1}""", inGuild: false);
                var body = before.Fake.RequestsTo($"/interactions/{question.Id}/").Single().Body!.Value;
                buttonId = body.GetProperty("data").GetProperty("components")[1].GetProperty("components")[0].GetProperty("custom_id").GetString()!;
            }

            // Act: a new process (same database) gets the click, then the submit.
            await using var after = await BotHarness.StartAsync(sharedDatabasePath: database);
            after.Engine.Answer = m => Task.FromResult<IReadOnlyList<Reply>>([new Reply(m.Content is FormContent ? "Saved." : "unexpected")]);
            var click = await after.InteractAsync(3, $$"""{"component_type":2,"custom_id":"{{buttonId}}"}""", inGuild: false);
            var modal = after.Fake.RequestsTo($"/interactions/{click.Id}/").Single().Body!.Value;
            var submit = await after.InteractAsync(5, """{"custom_id":"scores","components":[{"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"step2ck","value":"241"}}]}""", inGuild: false);

            // Assert
            Assert.Equal(9, modal.GetProperty("type").GetInt32());
            Assert.Equal("scores", modal.GetProperty("data").GetProperty("custom_id").GetString());
            Assert.Equal("241", Assert.IsType<FormContent>(Assert.Single(after.Engine.Received).Content).Fields["step2ck"]);
            Assert.Equal(4, submit.AckType);
            Assert.Empty(after.Fake.ValidationErrors);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            BotHarness.DeleteDatabase(database);
        }
    }
}
