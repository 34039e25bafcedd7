using System.Security.Cryptography;
using System.Text.Json;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Interactions;
using SmartPick.Bot.Discord.Rest;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Spec;

/// <summary>The validator itself (spec + semantic rules) and the bodies the adapter builds.</summary>
public sealed class SpecValidationTests
{
    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, value.GetType(), DiscordJson.Options);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void SpecFile_IsTheReferencedVersion()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(DiscordSpec.SpecPath)));

        Assert.Equal("8c1d0707ccdf8e380a86dfba04058820a66435c1b69d5ed82e04dd8c0520dd73", hash);
    }

    [Fact]
    public void CommandCatalog_ValidatesAgainstBulkOverwriteSchemaAndRules()
    {
        var body = Json(CommandCatalog.All);

        Assert.Empty(DiscordSpec.ValidateArray("ApplicationCommandUpdateRequest", 130, body));
        Assert.Empty(DiscordSemanticRules.CheckCommands(body));
    }

    [Fact]
    public void RenderedReplies_ValidateAsCallbackWebhookAndChannelBodies()
    {
        var reply = new Reply("**Top programs**\n- A\n- B") { Choices = [new Choice("More", "rank:more"), new Choice("Plan", "cmd:plan")], Form = new FormRequest("scores", "Your scores", [new FormField("step2ck", "Step 2 CK")]) };
        var message = ReplyRenderer.Render(reply, ephemeral: true).Single().Body;
        var callback = Json(new InteractionCallback(CallbackType.ChannelMessage, message));

        Assert.Empty(DiscordSpec.Validate("CreateMessageInteractionCallbackRequest", callback));
        Assert.Empty(DiscordSemanticRules.CheckCallback(callback, hasFile: false));
        Assert.Empty(DiscordSpec.Validate("IncomingWebhookRequestPartial", Json(message)));
        Assert.Empty(DiscordSpec.Validate("MessageCreateRequest", Json(message with { Flags = null })));
        Assert.Empty(DiscordSemanticRules.CheckMessage(Json(message), "IncomingWebhookRequestPartial"));
    }

    [Fact]
    public void ModalAndAutocompleteAndDefer_Validate()
    {
        var modal = Json(new InteractionCallback(CallbackType.Modal, ReplyRenderer.Modal(new FormRequest("scores", "Your USMLE results", [new FormField("step1", "Step 1"), new FormField("step2ck", "Step 2 CK", "238", true)]))));
        var auto = Json(new InteractionCallback(CallbackType.AutocompleteResult, new AutocompleteData([new CommandChoice("Internal Medicine", "Internal Medicine")])));
        var defer = Json(new InteractionCallback(CallbackType.DeferredChannelMessage, new DeferData(MessageFlags.Ephemeral)));

        Assert.Empty(DiscordSpec.Validate("ModalInteractionCallbackRequest", modal));
        Assert.Empty(DiscordSpec.Validate("ApplicationCommandAutocompleteCallbackRequest", auto));
        Assert.Empty(DiscordSpec.Validate("CreateMessageInteractionCallbackRequest", defer));
        Assert.Empty(DiscordSemanticRules.CheckCallback(modal, false));
    }

    [Fact]
    public void Validator_RejectsWhatTheSpecCatches()
    {
        var tooLong = Parse("""{"type":4,"data":{"content":" """.TrimEnd() + new string('x', 2001) + "\"}}");
        var sixButtons = Parse("""{"type":4,"data":{"components":[{"type":1,"components":[""" + string.Join(',', Enumerable.Range(0, 6).Select(i => $$"""{"type":2,"style":1,"label":"b","custom_id":"b{{i}}"}""")) + "]}]}}");

        Assert.NotEmpty(DiscordSpec.Validate("CreateMessageInteractionCallbackRequest", tooLong));
        Assert.NotEmpty(DiscordSpec.Validate("CreateMessageInteractionCallbackRequest", sixButtons));
    }

    [Fact]
    public void SemanticRules_CatchWhatTheSpecMisses()
    {
        var embeds = string.Join(',', Enumerable.Range(0, 2).Select(_ => $$"""{"description":"{{new string('x', 3500)}}"}"""));
        var overTotal = Parse($$"""{"embeds":[{{embeds}}]}""");
        var misspelled = Parse("""{"contnet":"x"}""");
        var empty = Parse("{}");

        Assert.Contains(DiscordSemanticRules.CheckMessage(overTotal, "IncomingWebhookRequestPartial"), e => e.Contains("6000", StringComparison.Ordinal));
        Assert.Contains(DiscordSemanticRules.CheckMessage(misspelled, "IncomingWebhookRequestPartial"), e => e.Contains("contnet", StringComparison.Ordinal));
        Assert.Contains("empty message", DiscordSemanticRules.CheckMessage(empty, "IncomingWebhookRequestPartial"));
    }

    [Fact]
    public void Renderer_KeepsEveryMessageWithinLimits()
    {
        var huge = string.Join('\n', Enumerable.Range(0, 600).Select(i => $"- Program {i} with a fairly long descriptive name"));

        var messages = ReplyRenderer.Render(new Reply(huge), ephemeral: false);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.Empty(DiscordSemanticRules.CheckMessage(Json(m.Body), "IncomingWebhookRequestPartial")));
        Assert.All(messages, m => Assert.Empty(DiscordSpec.Validate("MessageCreateRequest", Json(m.Body))));
    }
}
