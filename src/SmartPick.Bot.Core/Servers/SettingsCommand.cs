using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Servers;

/// <summary>
/// /settings: a server's admin settings. Only in a Discord server or Telegram group and only for its administrators
/// (asked again here, whatever the platform's menu showed); every change is shown back; a bad value is explained and
/// asked again with an example. Server settings belong to the server, so /forget never touches them.
/// </summary>
public sealed class SettingsCommand(IServerSettingsStore store, IEnumerable<IServerAdmins> admins)
{
    internal async Task HandleAsync(Turn turn, CommandContent command, CancellationToken cancellationToken)
    {
        if (turn.Message.Server is not { } server)
        {
            turn.Say(new Reply("Server settings belong to a Discord server or a Telegram group: an admin sends /settings there."));
            return;
        }

        var platform = server.Key.Platform;
        if (!await IsAdminAsync(server, turn.Message.UserId, cancellationToken))
        {
            turn.Say(new Reply(platform == "discord"
                ? "Only members with the **Manage Server** permission can view or change SmartPick's settings for this server."
                : "Only the group's administrators can view or change SmartPick's settings for this group."));
            return;
        }

        var current = await store.GetAsync(server.Key, cancellationToken) ?? new ServerSettings();
        var changes = SettingsInput.Read(command);
        var (updated, problem) = SettingsInput.Apply(current, changes, platform, turn.Message.ConversationId);
        if (problem is not null)
        {
            turn.Say(new Reply(problem + "\n\n" + SettingsText.Show(current, platform)));
            return;
        }

        if (changes.Count > 0)
        {
            await store.SetAsync(server.Key, updated, cancellationToken);
        }

        turn.Say(new Reply((changes.Count > 0 ? "Saved. " : string.Empty) + SettingsText.Show(updated, platform)));
    }

    private async Task<bool> IsAdminAsync(ServerContext server, string userId, CancellationToken cancellationToken) =>
        server.IsAdmin ?? (admins.FirstOrDefault(a => a.Platform == server.Key.Platform) is { } platform
            && await platform.IsAdminAsync(server.Key, userId, cancellationToken));
}
