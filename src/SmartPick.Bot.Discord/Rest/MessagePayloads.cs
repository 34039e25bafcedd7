using System.Text.Json.Serialization;

namespace SmartPick.Bot.Discord.Rest;

/// <summary>Message body for channel messages, interaction responses (types 4/7), @original edits and followups.</summary>
public sealed record MessageBody
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public int? Flags { get; init; }

    /// <summary>Always sent as <c>{"parse":[]}</c>: replies may echo user text, which must never ping anyone.</summary>
    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;

    public IReadOnlyList<AttachmentRef>? Attachments { get; init; }
}

public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static AllowedMentions None { get; } = new([]);
}

public sealed record AttachmentRef(string Id, string Filename, string? Description);

public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public int? Color { get; init; }

    public EmbedFooter? Footer { get; init; }
}

public sealed record EmbedFooter(string Text);

/// <summary>Any message or modal component; unused fields stay null and are not serialized.</summary>
public sealed record Component(int Type)
{
    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public string? Placeholder { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The child of a Label (type 18).</summary>
    [JsonPropertyName("component")]
    public Component? Child { get; init; }

    public IReadOnlyList<SelectOption>? Options { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Required { get; init; }
}

public sealed record SelectOption(string Label, string Value);

/// <summary>Component type and style numbers.</summary>
public static class ComponentType
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int StringSelect = 3;
    public const int TextInput = 4;
    public const int Label = 18;
}

/// <summary>Interaction callback body: <c>{"type":N,"data":{…}}</c>.</summary>
public sealed record InteractionCallback(int Type, object? Data = null);

public sealed record AutocompleteData(IReadOnlyList<CommandChoice> Choices);

public sealed record ModalData(string CustomId, string Title, IReadOnlyList<Component> Components);

public sealed record DeferData(int? Flags);

/// <summary>Interaction callback types.</summary>
public static class CallbackType
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;
    public const int Modal = 9;
}

/// <summary>Message flags.</summary>
public static class MessageFlags
{
    public const int Ephemeral = 1 << 6;
}
