using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Rest;
using SmartPick.Bot.Discord.Telemetry;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>
/// Handles one INTERACTION_CREATE: acknowledges exactly once within 3 s of local receipt — directly when the engine
/// answers within <see cref="DiscordOptions.DeferAfter"/>, otherwise (and at once in a burst: <see cref="InteractionsInFlight"/>)
/// defer (5, or 6 when a press replaces its message) then PATCH @original — and sends further replies as followups.
/// Personal replies in shared channels are ephemeral, so the whole intake runs there in interaction responses (never
/// bound by the bot's global 50/s message limit).
/// </summary>
public sealed partial class InteractionHandler(
    DiscordRestClient rest,
    IConversationEngine engine,
    SpecialtyAutocomplete autocomplete,
    FormCache forms,
    Servers.GuildVisibility visibility,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    DiscordMetrics metrics,
    InteractionsInFlight inFlight,
    ILogger<InteractionHandler> logger)
{
    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        using var counted = inFlight.Enter();
        var interaction = Interaction.Parse(dispatch.Data);
        var responder = new InteractionResponder(rest, interaction, () => metrics.Acknowledged(time.GetElapsedTime(dispatch.ReceivedAt)));
        try
        {
            await RouteAsync(interaction, responder, dispatch.ReceivedAt, cancellationToken);
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordRestException.UnknownInteraction)
        {
            LogMissedDeadline(logger, interaction.Type, time.GetElapsedTime(dispatch.ReceivedAt).TotalMilliseconds);
            metrics.AcknowledgementMissed();
        }
    }

    private async Task RouteAsync(Interaction interaction, InteractionResponder responder, long receivedAt, CancellationToken cancellationToken)
    {
        InboundContent content;
        switch (interaction.Type)
        {
            case InteractionType.Autocomplete:
                var focused = InteractionMapper.Focused(interaction.Data) ?? (string.Empty, string.Empty);
                var choices = autocomplete.Choices(focused.Name, focused.Value);
                await responder.AcknowledgeAsync(new InteractionCallback(CallbackType.AutocompleteResult, new AutocompleteData(choices)), null, cancellationToken);
                return;
            case InteractionType.ApplicationCommand:
                content = InteractionMapper.Command(interaction.Data);
                break;
            case InteractionType.MessageComponent:
                var button = InteractionMapper.Component(interaction.Data);
                if (button.Payload.StartsWith(InteractionMapper.FormPrefix, StringComparison.Ordinal)
                    && await forms.FindAsync(interaction.UserId, button.Payload[InteractionMapper.FormPrefix.Length..], cancellationToken) is { } form)
                {
                    await responder.AcknowledgeAsync(new InteractionCallback(CallbackType.Modal, ReplyRenderer.Modal(form)), null, cancellationToken);
                    return;
                }

                content = button;
                break;
            case InteractionType.ModalSubmit:
                content = InteractionMapper.Form(interaction.Data);
                break;
            default:
                return;
        }

        await AnswerAsync(interaction, responder, InteractionMapper.ToInbound(interaction, content), receivedAt, cancellationToken);
    }

    private async Task AnswerAsync(Interaction interaction, InteractionResponder responder, InboundMessage message, long receivedAt, CancellationToken cancellationToken)
    {
        var work = RunEngineAsync(interaction, message, cancellationToken);
        var burst = options.Value.DeferAtOnceAbove > 0 && inFlight.Count > options.Value.DeferAtOnceAbove;
        var budget = burst ? TimeSpan.Zero : options.Value.DeferAfter - time.GetElapsedTime(receivedAt);
        if (budget > TimeSpan.Zero)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(work, Task.Delay(budget, time, timer.Token));
            await timer.CancelAsync();
        }

        if (work.IsCompleted)
        {
            await RespondDirectAsync(interaction, responder, await work, cancellationToken);
        }
        else
        {
            await DeferAsync(interaction, responder, cancellationToken);
            LogDeferred(logger, interaction.Type);
            await RespondAfterDeferAsync(interaction, responder, await work, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<Reply>> RunEngineAsync(Interaction interaction, InboundMessage message, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            return await visibility.ApplyAsync(interaction, message, await engine.HandleAsync(message, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogEngineFailed(logger, ex);
            return [Reply.Private("Sorry, something went wrong on my side. Please try again in a moment.")];
        }
    }

    private async Task RespondDirectAsync(Interaction interaction, InteractionResponder responder, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        if (replies is [{ Form: { } form, Choices.Count: 0 }] && interaction.Type != InteractionType.ModalSubmit)
        {
            // A lone form opens at once (a modal can only be a first response: this is one). With choices, the
            // question is shown with an "open form" button instead, so Skip/Back stay available.
            await forms.RememberAsync(interaction.UserId, form, cancellationToken);
            await responder.AcknowledgeAsync(new InteractionCallback(CallbackType.Modal, ReplyRenderer.Modal(form)), null, cancellationToken);
            return;
        }

        var messages = await RenderAsync(interaction, replies, cancellationToken);
        if (messages.Count == 0)
        {
            var empty = interaction.Type == InteractionType.MessageComponent
                ? new InteractionCallback(CallbackType.DeferredUpdateMessage)
                : new InteractionCallback(CallbackType.ChannelMessage, new MessageBody { Content = "Done.", Flags = interaction.IsShared ? MessageFlags.Ephemeral : null });
            await responder.AcknowledgeAsync(empty, null, cancellationToken);
            return;
        }

        var updatesMessage = ReplacesPressedMessage(interaction);
        var first = messages[0];
        var type = updatesMessage ? CallbackType.UpdateMessage : CallbackType.ChannelMessage;
        await responder.AcknowledgeAsync(new InteractionCallback(type, updatesMessage ? Replacing(first.Body) : first.Body), first.File, cancellationToken);
        foreach (var followup in messages.Skip(1))
        {
            await responder.FollowupAsync(followup, cancellationToken);
        }
    }

    private static Task DeferAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        // Ephemerality is fixed here, before we know the reply: in shared channels assume it is personal.
        var callback = ReplacesPressedMessage(interaction)
            ? new InteractionCallback(CallbackType.DeferredUpdateMessage)
            : new InteractionCallback(CallbackType.DeferredChannelMessage, new DeferData(interaction.IsShared ? MessageFlags.Ephemeral : null));
        return responder.AcknowledgeAsync(callback, null, cancellationToken);
    }

    private async Task RespondAfterDeferAsync(Interaction interaction, InteractionResponder responder, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        var messages = await RenderAsync(interaction, replies, cancellationToken);
        if (messages.Count == 0)
        {
            if (!ReplacesPressedMessage(interaction))
            {
                await responder.EditOriginalAsync(new RenderedMessage(new MessageBody { Content = "Done." }, null), cancellationToken);
            }

            return;
        }

        var first = messages[0];
        await responder.EditOriginalAsync(ReplacesPressedMessage(interaction) ? first with { Body = Replacing(first.Body) } : first, cancellationToken);
        foreach (var followup in messages.Skip(1))
        {
            await responder.FollowupAsync(followup, cancellationToken);
        }
    }

    private async Task<List<RenderedMessage>> RenderAsync(Interaction interaction, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        var messages = new List<RenderedMessage>();
        foreach (var reply in replies)
        {
            if (reply.Form is { } form)
            {
                await forms.RememberAsync(interaction.UserId, form, cancellationToken);
            }

            messages.AddRange(ReplyRenderer.Render(reply, ephemeral: interaction.IsShared && reply.Visibility == Visibility.Private));
        }

        return messages;
    }

    /// <summary>
    /// The body that replaces a pressed message: an edit keeps every field it omits, so a reply without buttons (or
    /// embeds, or a file) would leave the old question's buttons pressable; empty lists clear them. Ephemerality cannot change.
    /// </summary>
    private static MessageBody Replacing(MessageBody body) =>
        body with { Flags = null, Components = body.Components ?? [], Embeds = body.Embeds ?? [], Attachments = body.Attachments ?? [] };

    /// <summary>
    /// A press answers by replacing the pressed message (its buttons go with it, so an old question cannot be answered
    /// twice) in a DM and on an ephemeral message, and so does a form opened from such a message. A public message in a
    /// channel stays, and so does a rated answer: a vote must not replace the answer it rates, its thanks comes as a new
    /// message. A form opened by a slash command has no message to replace.
    /// </summary>
    private static bool ReplacesPressedMessage(Interaction interaction) =>
        (interaction.Type == InteractionType.MessageComponent || (interaction.Type == InteractionType.ModalSubmit && interaction.FromMessage))
        && (!interaction.IsShared || interaction.OnEphemeralMessage)
        && !interaction.OnRatedAnswer
        && !Core.Servers.Feedback.FeedbackButtons.IsVote(InteractionMapper.Component(interaction.Data).Payload);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction (type {Type}) missed the 3 s deadline (10062) after {ElapsedMs} ms")]
    private static partial void LogMissedDeadline(ILogger logger, int type, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord interaction (type {Type}) deferred")]
    private static partial void LogDeferred(ILogger logger, int type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Conversation engine failed for a Discord interaction")]
    private static partial void LogEngineFailed(ILogger logger, Exception ex);
}
