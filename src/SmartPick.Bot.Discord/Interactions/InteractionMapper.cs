using System.Globalization;
using System.Text.Json;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>Translates interaction data into the engine's <see cref="InboundContent"/>.</summary>
public static class InteractionMapper
{
    public const string Platform = "discord";
    public const string ChoicePrefix = "c:";
    public const string ChoiceSelectId = "c:select";
    public const string FormPrefix = "f:";

    public static InboundMessage ToInbound(Interaction interaction, InboundContent content)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new InboundMessage(Platform, interaction.ChannelId, interaction.UserId, interaction.IsShared ? ChatKind.Group : ChatKind.Direct, content)
        {
            MessageId = "interaction:" + interaction.Id, // a resumed gateway may replay it; the engine applies it once
            Server = Servers.ServerSettingsCommand.ContextOf(interaction),
            PrivateRepliesInPlace = interaction.IsShared, // personal replies are ephemeral: the intake stays in the channel
            FromPrivateMessage = interaction.IsShared && interaction.OnEphemeralMessage, // answered to its author only: not counted toward the group limit
        };
    }

    /// <summary>Slash command: canonical name plus options by name (subcommand options flattened).</summary>
    public static CommandContent Command(JsonElement data)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Collect(data, options);
        return new CommandContent(data.GetProperty("name").GetString()!, string.Empty, options);
    }

    /// <summary>Button or select press: the choice payload.</summary>
    public static ButtonContent Component(JsonElement data)
    {
        var customId = data.GetProperty("custom_id").GetString() ?? string.Empty;
        if (customId == ChoiceSelectId && data.TryGetProperty("values", out var values) && values.GetArrayLength() > 0)
        {
            return new ButtonContent(values[0].GetString() ?? string.Empty);
        }

        return new ButtonContent(customId.StartsWith(ChoicePrefix, StringComparison.Ordinal) ? customId[ChoicePrefix.Length..] : customId);
    }

    /// <summary>Modal submit, in the Label layout (type 18 → component) or the legacy Action Row layout (type 1 → components).</summary>
    public static FormContent Form(JsonElement data)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        WalkArray(data.GetProperty("components"), fields);
        return new FormContent(data.GetProperty("custom_id").GetString()!, fields);
    }

    /// <summary>The option the user is typing in an autocomplete interaction.</summary>
    public static (string Name, string Value)? Focused(JsonElement data)
    {
        if (!data.TryGetProperty("options", out var options))
        {
            return null;
        }

        foreach (var option in options.EnumerateArray())
        {
            if (option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True)
            {
                return (option.GetProperty("name").GetString()!, ValueOf(option.GetProperty("value")));
            }

            if (option.TryGetProperty("options", out _) && Focused(option) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static void Collect(JsonElement node, Dictionary<string, string> options)
    {
        if (!node.TryGetProperty("options", out var list))
        {
            return;
        }

        foreach (var option in list.EnumerateArray())
        {
            if (option.TryGetProperty("value", out var value))
            {
                options[option.GetProperty("name").GetString()!] = ValueOf(value);
            }
            else
            {
                options.TryAdd("subcommand", option.GetProperty("name").GetString()!); // "/list add": the engine reads "add"
                Collect(option, options);
            }
        }
    }

    private static string ValueOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };

    private static void WalkArray(JsonElement components, Dictionary<string, string> fields)
    {
        foreach (var c in components.EnumerateArray())
        {
            WalkOne(c, fields);
        }
    }

    private static void WalkOne(JsonElement c, Dictionary<string, string> fields)
    {
        if (c.TryGetProperty("component", out var child))
        {
            WalkOne(child, fields);
        }
        else if (c.TryGetProperty("components", out var children))
        {
            WalkArray(children, fields);
        }
        else if (c.TryGetProperty("custom_id", out var id))
        {
            Read(c, id.GetString()!, fields);
        }
    }

    private static void Read(JsonElement c, string id, Dictionary<string, string> fields)
    {
        if (c.TryGetProperty("value", out var v))
        {
            fields[id] = v.GetString() ?? string.Empty;
        }
        else if (c.TryGetProperty("values", out var vs))
        {
            fields[id] = string.Join(',', vs.EnumerateArray().Select(x => x.GetString()));
        }
    }
}
