using System.Text.RegularExpressions;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Commands;

/// <summary>
/// The shared command catalogue in Telegram's spelling. Telegram names allow only <c>[a-z0-9_]</c>, so the
/// canonical "explain-score" is registered as "explain_score" and mapped back on the way in.
/// </summary>
public static partial class TelegramCommandCatalog
{
    /// <summary>Canonical name (as the engine knows it) and the description shown in Telegram's menu.</summary>
    public static IReadOnlyList<(string Canonical, string Description)> Commands { get; } =
    [
        ("start", "What SmartPick can do"),
        ("help", "What SmartPick can do"),
        ("profile", "Start, resume or change your applicant profile"),
        ("rank", "Ranked Southern California programs with tiers and chances"),
        ("explain-score", "Where your scores stand and why a program got its score"),
        ("plan", "How many programs to apply to and the tier mix"),
        ("chances", "Interview season: your chance from the interviews you have"),
        ("ask", "Ask a question about applying (grounded answer)"),
        ("forget", "Delete everything stored about you"),
        ("export", "Send your stored data back as JSON"),
        ("list", "Your program list: add, remove, show, clear, export CSV"),
        ("compare", "Two programs side by side"),
        ("timeline", "Where you are in the Match cycle and what is next"),
        ("remind", "Reminders before key dates: on, off, tz"),
        ("privacy", "What is stored, for how long, how to delete it"),
        ("faq", "Quick answers: pick a guide topic"),
        ("report", "Tell the maintainers a program's data is wrong"),
        ("settings", "Group admins: announcements, time zone, quiet hours"),
    ];

    /// <summary>Commands that make sense in a group; personal ones still answer with a private-chat link.</summary>
    public static IReadOnlyList<string> GroupCommands { get; } = ["help", "rank", "plan", "ask", "explain-score", "profile", "timeline", "privacy", "faq"];

    /// <summary>Shown only to group administrators (Telegram's all_chat_administrators scope): the group menu plus /settings.</summary>
    public const string AdminOnly = "settings";

    public static string ToTelegramName(string canonical) => canonical.Replace('-', '_').ToLowerInvariant();

    public static string ToCanonicalName(string telegramName) => telegramName.ToLowerInvariant().Replace('_', '-');

    /// <summary>
    /// Rewrites command mentions in engine text ("/explain-score") to Telegram's spelling ("/explain_score"), so
    /// Telegram makes them tappable. Paths inside URLs are left alone.
    /// </summary>
    public static string ToTelegramSpelling(string markup) =>
        CommandMention().Replace(markup, m => Commands.Any(c => c.Canonical == m.Groups[1].Value) ? "/" + ToTelegramName(m.Groups[1].Value) : m.Value);

    public static IReadOnlyList<BotCommand> PrivateMenu() =>
        [.. Commands.Where(c => c.Canonical != AdminOnly).Select(c => new BotCommand(ToTelegramName(c.Canonical), c.Description))];

    public static IReadOnlyList<BotCommand> GroupMenu() =>
        [.. Commands.Where(c => GroupCommands.Contains(c.Canonical)).Select(c => new BotCommand(ToTelegramName(c.Canonical), c.Description))];

    public static IReadOnlyList<BotCommand> AdminMenu() =>
        [.. Commands.Where(c => GroupCommands.Contains(c.Canonical) || c.Canonical == AdminOnly).Select(c => new BotCommand(ToTelegramName(c.Canonical), c.Description))];

    [GeneratedRegex(@"(?<![\w/.:])/([a-z]+(?:-[a-z]+)+)\b")]
    private static partial Regex CommandMention();
}
