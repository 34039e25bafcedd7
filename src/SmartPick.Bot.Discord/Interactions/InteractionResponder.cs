using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>
/// Sends the responses of one interaction and guarantees a single acknowledgement (compare-and-swap); after it,
/// only @original edits and followups go out.
/// </summary>
public sealed class InteractionResponder(DiscordRestClient rest, Interaction interaction, Action? onAcknowledged = null)
{
    private int acknowledged;

    public bool IsAcknowledged => Volatile.Read(ref acknowledged) == 1;

    public async Task AcknowledgeAsync(InteractionCallback callback, FileUpload? file, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref acknowledged, 1, 0) != 0)
        {
            throw new InvalidOperationException("Interaction already acknowledged.");
        }

        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, callback, file, cancellationToken);
            onAcknowledged?.Invoke();
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordRestException.AlreadyAcknowledged)
        {
            // A retried callback whose first attempt went through: it is acknowledged.
        }
    }

    public Task EditOriginalAsync(RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Ephemerality was fixed by the acknowledgement; edits carry no flags.
        return rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, message.Body with { Flags = null }, message.File, cancellationToken);
    }

    public Task FollowupAsync(RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, message.Body, message.File, cancellationToken);
    }
}
