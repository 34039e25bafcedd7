using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Interactions;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Interactions;

public sealed class ApplicantCommandsTests
{
    [Fact]
    public async Task ListExport_SendsTheCsvAsAMultipartAttachment_TheFakeAcceptsThePayload()
    {
        await using var bot = await BotHarness.StartAsync();
        var csv = Encoding.UTF8.GetBytes("acgme_id,name\r\n1400511040,Cedars-Sinai Medical Center\r\n");
        bot.Engine.Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([new Reply("Your list as CSV (1 programs).") { File = new ReplyFile(csv, "smartpick-list.csv", "text/csv") }]);

        var state = await bot.InteractAsync(2, """{"id":"1","name":"list","type":1,"options":[{"name":"export","type":1}]}""", inGuild: false);

        var request = bot.Fake.RequestsTo($"/interactions/{state.Id}/").Single();
        Assert.Equal("smartpick-list.csv", request.FileName);
        var data = request.Body!.Value.GetProperty("data");
        Assert.Equal("smartpick-list.csv", data.GetProperty("attachments")[0].GetProperty("filename").GetString());
        Assert.Empty(bot.Fake.ValidationErrors);
        var received = Assert.IsType<CommandContent>(Assert.Single(bot.Engine.Received).Content);
        Assert.Equal("list", received.Name);
        Assert.Equal("export", received.Option("subcommand"));
    }

    [Fact]
    public void Catalog_ListAndRemindHaveSubcommands_WithinDiscordLimits()
    {
        var list = CommandCatalog.All.Single(c => c.Name == "list");
        Assert.Equal(["show", "add", "remove", "clear", "export"], list.Options!.Select(o => o.Name));
        Assert.All(CommandCatalog.All.SelectMany(c => c.Options ?? []), o => Assert.InRange(o.Description.Length, 1, 100));
        Assert.Contains(CommandCatalog.All, c => c.Name == "remind" && c.Options!.Any(o => o.Name == "tz"));
    }
}
