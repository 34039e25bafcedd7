using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>SmartPick's slash commands, usable in guilds, the bot's DMs and (user install) private channels.</summary>
public static class CommandCatalog
{
    private static readonly int[] IntegrationTypes = [0, 1];
    private static readonly int[] Contexts = [0, 1, 2];

    /// <summary>Region choices offered by /rank and /plan (values are passed to the engine as-is).</summary>
    public static IReadOnlyList<CommandChoice> Regions { get; } =
    [
        new("Southern California (all)", "SoCal"),
        new("Los Angeles", "Los Angeles"),
        new("Orange County", "Orange County"),
        new("Inland Empire", "Inland Empire"),
        new("San Diego", "San Diego"),
        new("California (all)", "California"),
    ];

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        Command("help", "What SmartPick can do"),
        Command(
            "profile",
            "Start or resume your profile, show it, or set one field",
            new CommandOption(OptionType.StringValue, "action", "What to do (default: answer the questions)")
            {
                Choices = [new("show", "show"), new("set", "set"), new("edit", "edit"), new("restart", "restart")],
            },
            Text("field", "Field to set, e.g. step2ck, visa, graduationYear"),
            Text("value", "New value for the field")),
        Command("rank", "Rank Southern California residency programs for you", Specialty(), Region(), Text("state", "Two-letter state, e.g. CA", 2), Count()),
        Command(
            "explain-score",
            "Where your scores stand, or why a program got its score",
            Text("program", "ACGME program id"),
            Specialty()),
        Command("plan", "How many programs to apply to and your chances", Specialty(), Region(), Count()),
        Command(
            "chances",
            "Interview season: your chance to match from the interviews you have",
            new CommandOption(OptionType.IntegerValue, "interviews", "Interview invitations so far") { MinValue = 0, MaxValue = 100 },
            Text("programs", "ACGME ids of the programs that invited you, comma-separated", 400),
            Specialty()),
        Command("ask", "Ask a question about applying as an IMG", Text("question", "Your question", 500) with { Required = true }),
        Command("forget", "Delete everything SmartPick stores about you"),
        Command("export", "Get your stored profile back as JSON"),
        Command(
            "list",
            "Your own list of programs",
            Sub("show", "Your list with chances, tiers, eligibility and websites"),
            Sub("add", "Add a program", Text("program", "ACGME id or program name") with { Required = true }),
            Sub("remove", "Remove a program", Text("program", "ACGME id, name or number on your list") with { Required = true }),
            Sub("clear", "Remove every program"),
            Sub("export", "Your list as a CSV file")),
        Command("compare", "Two programs side by side", Text("first", "ACGME id or name") with { Required = true }, Text("second", "ACGME id or name") with { Required = true }),
        Command("timeline", "Where you are in the Match cycle and what is next"),
        Command(
            "remind",
            "Private reminders before key dates",
            Sub("on", "Remind me 3 days before and on the day"),
            Sub("off", "Stop reminders"),
            Sub("tz", "Set your time zone", Text("zone", "IANA time zone, e.g. America/Los_Angeles", 64) with { Required = true })),
        Command("privacy", "What SmartPick stores, for how long, and how to delete it"),
        Command("faq", "Quick answers: pick a guide topic"),
        Command(
            "report",
            "Tell the maintainers a program's data is wrong",
            Text("program", "ACGME id or program name") with { Required = true },
            Text("text", "What is wrong", 1000) with { Required = true }),
        Servers.ServerSettingsCommand.Definition,
    ];

    private static CommandOption Sub(string name, string description, params CommandOption[] options) =>
        new(OptionType.SubCommand, name, description) { Options = options.Length == 0 ? null : options };

    private static CommandDefinition Command(string name, string description, params CommandOption[] options) =>
        new(name, description)
        {
            Options = options.Length == 0 ? null : options,
            IntegrationTypes = IntegrationTypes,
            Contexts = Contexts,
        };

    private static CommandOption Text(string name, string description, int maxLength = 100) =>
        new(OptionType.StringValue, name, description) { MaxLength = maxLength };

    private static CommandOption Specialty() =>
        new(OptionType.StringValue, "specialty", "Specialty, e.g. Internal Medicine") { Autocomplete = true, MaxLength = 100 };

    private static CommandOption Region() =>
        new(OptionType.StringValue, "region", "Region") { Choices = Regions };

    private static CommandOption Count() =>
        new(OptionType.IntegerValue, "count", "How many programs to show (1-50)") { MinValue = 1, MaxValue = 50 };
}
