using System.Globalization;
using System.Numerics;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Discord.Interactions;
using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Servers;

/// <summary>
/// /settings on Discord: registered for guilds only with default_member_permissions = Manage Server, so Discord hides it
/// from other members; the member's permissions in the interaction are checked again on every use.
/// </summary>
public static class ServerSettingsCommand
{
    public const string Name = "settings";

    /// <summary>MANAGE_GUILD (1 &lt;&lt; 5).</summary>
    public const ulong ManageGuild = 0x20;

    /// <summary>ADMINISTRATOR (1 &lt;&lt; 3) implies every permission.</summary>
    public const ulong Administrator = 0x8;

    private static readonly IReadOnlyList<CommandChoice> OnOff = [new("on", "on"), new("off", "off")];

    public static CommandDefinition Definition { get; } = new(Name, "Server settings for admins: announcements, /ask visibility, time zone, quiet hours")
    {
        IntegrationTypes = [0],
        Contexts = [0],
        DefaultMemberPermissions = ManageGuild.ToString(CultureInfo.InvariantCulture),
        Options =
        [
            new CommandOption(OptionType.StringValue, "announcements", "Post upcoming Match cycle dates in a channel") { Choices = OnOff },
            new CommandOption(OptionType.Channel, "channel", "Where announcements go (default: this channel)") { ChannelTypes = [0, 5] },
            new CommandOption(OptionType.StringValue, "ask", "Whether /ask answers in channels are public or only visible to the asker")
            {
                Choices = [new("public", "public"), new("ephemeral", "ephemeral")],
            },
            new CommandOption(OptionType.StringValue, "timezone", "IANA time zone, e.g. America/Los_Angeles") { MaxLength = 64 },
            new CommandOption(OptionType.StringValue, "quiet", "Quiet hours in the server's time zone, e.g. 22-7, or off") { MaxLength = 20 },
        ],
    };

    /// <summary>The guild of a guild interaction, with the admin check read from member.permissions (null in DMs).</summary>
    public static ServerContext? ContextOf(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildId is not { } guild)
        {
            return null;
        }

        var admin = BigInteger.TryParse(interaction.MemberPermissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && ((bits & ManageGuild) != 0 || (bits & Administrator) != 0);
        return new ServerContext(new ServerKey(InteractionMapper.Platform, guild), admin);
    }
}
