using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Interactions;

namespace SmartPick.Bot.Discord.Tests.Interactions;

public sealed class MappingAndRenderingTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Parse_ButtonOnARatedGuideAnswer_IsMarked_SoTheAnswerIsNotReplaced()
    {
        const string Rated = """{"id":"1","application_id":"3","type":3,"token":"t","channel":{"id":"6"},"user":{"id":"43"},"context":1,"data":{"component_type":2,"custom_id":"c:~12.3"},"message":{"id":"9","components":[{"type":1,"components":[{"type":2,"custom_id":"c:vote:+:soap"},{"type":2,"custom_id":"c:vote:-:soap"},{"type":2,"custom_id":"c:~12.3"}]}]}}""";
        const string Intake = """{"id":"1","application_id":"3","type":3,"token":"t","channel":{"id":"6"},"user":{"id":"43"},"context":1,"data":{"component_type":2,"custom_id":"c:specialty IM"},"message":{"id":"9","components":[{"type":1,"components":[{"type":2,"custom_id":"c:specialty IM"}]}]}}""";

        Assert.True(Interaction.Parse(Parse(Rated)).OnRatedAnswer);
        Assert.False(Interaction.Parse(Parse(Intake)).OnRatedAnswer);
    }

    [Fact]
    public void Parse_ButtonOnAnEphemeralMessage_IsMarked_OnAPublicOneNot()
    {
        const string Ephemeral = """{"id":"1","application_id":"3","type":3,"token":"t","guild_id":"9","channel_id":"5","member":{"user":{"id":"42"}},"data":{"component_type":2,"custom_id":"c:~3.1"},"message":{"id":"9","flags":64,"components":[]}}""";
        const string Public = """{"id":"1","application_id":"3","type":3,"token":"t","guild_id":"9","channel_id":"5","member":{"user":{"id":"42"}},"data":{"component_type":2,"custom_id":"c:~3.1"},"message":{"id":"9","flags":0,"components":[]}}""";

        Assert.True(Interaction.Parse(Parse(Ephemeral)).OnEphemeralMessage);
        Assert.False(Interaction.Parse(Parse(Public)).OnEphemeralMessage);
        Assert.True(InteractionMapper.ToInbound(Interaction.Parse(Parse(Ephemeral)), new ButtonContent("x")).FromPrivateMessage); // not counted toward the group limit
        Assert.False(InteractionMapper.ToInbound(Interaction.Parse(Parse(Public)), new ButtonContent("x")).FromPrivateMessage);
    }

    [Fact]
    public void Interaction_UserComesFromMemberInGuildsAndUserInDms()
    {
        var guild = Interaction.Parse(Parse("""{"id":"1","application_id":"3","type":2,"token":"t","guild_id":"9","channel_id":"5","member":{"user":{"id":"42"}},"data":{}}"""));
        var dm = Interaction.Parse(Parse("""{"id":"1","application_id":"3","type":2,"token":"t","channel":{"id":"6"},"user":{"id":"43"},"context":1,"data":{}}"""));
        var groupDm = Interaction.Parse(Parse("""{"id":"1","application_id":"3","type":2,"token":"t","channel_id":"7","user":{"id":"44"},"context":2,"data":{}}"""));

        Assert.Equal(("42", true), (guild.UserId, guild.IsShared));
        Assert.Equal(("43", "6", false), (dm.UserId, dm.ChannelId, dm.IsShared));
        Assert.True(groupDm.IsShared);
    }

    [Fact]
    public void Command_FlattensSubcommandOptionsAndFormatsValues()
    {
        var command = InteractionMapper.Command(Parse("""{"name":"profile","options":[{"type":1,"name":"set","options":[{"type":3,"name":"field","value":"step2ck"},{"type":4,"name":"value","value":238},{"type":5,"name":"private","value":true}]}]}"""));

        Assert.Equal("profile", command.Name);
        Assert.Equal("step2ck", command.Option("field"));
        Assert.Equal("238", command.Option("value"));
        Assert.Equal("true", command.Option("private"));
    }

    [Fact]
    public void Focused_FindsTheTypedOption()
    {
        var focused = InteractionMapper.Focused(Parse("""{"name":"rank","options":[{"type":4,"name":"count","value":5},{"type":3,"name":"specialty","value":"psy","focused":true}]}"""));

        Assert.Equal(("specialty", "psy"), focused);
    }

    [Fact]
    public void Autocomplete_FallsBackToEchoingTheInput()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var autocomplete = new SpecialtyAutocomplete(services);

        var none = autocomplete.Choices("specialty", "Underwater Medicine");
        var all = autocomplete.Choices("specialty", string.Empty);

        Assert.Equal("Underwater Medicine", Assert.Single(none).Value);
        Assert.InRange(all.Count, 1, 25);
    }

    [Fact]
    public void Renderer_ShortTextIsContent_ChoicesAreButtons_FormIsAButton()
    {
        var reply = new Reply("Hello **there**") { Choices = [new Choice("Yes", "y"), new Choice("Yes again", "y")], Form = new FormRequest("scores", "Enter scores", []) };

        var body = Assert.Single(ReplyRenderer.Render(reply, ephemeral: true)).Body;

        Assert.Equal("Hello **there**", body.Content);
        Assert.Equal(64, body.Flags);
        Assert.Single(body.Components![0].Components!); // duplicate payloads collapse, custom_ids stay unique
        Assert.Equal("f:scores", body.Components[1].Components![0].CustomId);
    }

    [Fact]
    public void Renderer_EscapesUserTextForDiscord()
    {
        var body = Assert.Single(ReplyRenderer.Render(new Reply(Markup.Escape("@everyone *not bold*")), ephemeral: false)).Body;

        Assert.DoesNotContain("*not bold*", body.Content, StringComparison.Ordinal);
        Assert.Empty(body.AllowedMentions!.Parse);
    }

    [Fact]
    public void Modal_StandingInForTyping_TakesAParagraphAsLongAsATypedMessage_OtherFormsStayShort()
    {
        // In a server the intake's typed answers come through this form; a DM message may hold 2,000 characters, and the
        // connections answer (rotations, letter writers' programs) easily passes the 200 of a short input.
        var typed = ReplyRenderer.Modal(SmartPick.Bot.Core.Intake.IntakeDialogue.AnswerForm(SmartPick.Bot.Core.Intake.IntakeDialogue.Step("connections")!)).Components.Single().Child!;
        var scores = ReplyRenderer.Modal(new FormRequest("scores", "Your USMLE results", [new FormField("step2ck", "Step 2 CK score")])).Components.Single().Child!;

        Assert.Equal(2, typed.Style); // paragraph
        Assert.True(typed.MaxLength >= 2000);
        Assert.Equal(1, scores.Style);
    }

    [Fact]
    public void Modal_KeepsAtMostFiveInputs()
    {
        var form = new FormRequest("f", "A title that is definitely longer than forty-five characters", Enumerable.Range(0, 7).Select(i => new FormField("id" + i, "Label " + i)).ToList());

        var modal = ReplyRenderer.Modal(form);

        Assert.Equal(5, modal.Components.Count);
        Assert.True(modal.Title.Length <= 45);
    }
}
