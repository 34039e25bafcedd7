namespace SmartPick.Bot.Discord.Rest;

/// <summary>A CHAT_INPUT command for bulk overwrite.</summary>
public sealed record CommandDefinition(string Name, string Description)
{
    public int Type { get; init; } = 1;

    public IReadOnlyList<CommandOption>? Options { get; init; }

    public IReadOnlyList<int>? IntegrationTypes { get; init; }

    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>Permission bits (a string of digits) a member needs to see the command; Discord hides it from others.</summary>
    public string? DefaultMemberPermissions { get; init; }
}

/// <summary>A command option; <see cref="Choices"/> and <see cref="Autocomplete"/> are exclusive.</summary>
public sealed record CommandOption(int Type, string Name, string Description)
{
    public bool? Required { get; init; }

    public bool? Autocomplete { get; init; }

    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Channel types a channel option (type 7) offers.</summary>
    public IReadOnlyList<int>? ChannelTypes { get; init; }

    /// <summary>The options of a subcommand (type 1).</summary>
    public IReadOnlyList<CommandOption>? Options { get; init; }
}

public sealed record CommandChoice(string Name, string Value);

/// <summary>Option type numbers.</summary>
public static class OptionType
{
    public const int SubCommand = 1;
    public const int StringValue = 3;
    public const int IntegerValue = 4;
    public const int Channel = 7;
}
