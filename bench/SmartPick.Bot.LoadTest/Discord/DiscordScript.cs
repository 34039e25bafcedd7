namespace SmartPick.Bot.LoadTest.Discord;

/// <summary>How a simulated Discord user answers one step.</summary>
public enum DiscordAction
{
    /// <summary>Slash command in the guild channel.</summary>
    GuildCommand,

    /// <summary>Slash command in the user's DM channel.</summary>
    DmCommand,

    /// <summary>Press the button, or pick the select-menu option, labelled <see cref="DiscordStep.Value"/> on the latest question.</summary>
    Choose,

    /// <summary>Press the "open form" button (the bot must answer with the modal).</summary>
    OpenForm,

    /// <summary>Submit the USMLE results modal.</summary>
    SubmitForm,

    /// <summary>A plain DM message (MESSAGE_CREATE).</summary>
    Text,
}

/// <summary>One step of the script and a phrase the bot's answer must contain ("modal:ID" for a modal).</summary>
public sealed record DiscordStep(DiscordAction Action, string Value, string Expect)
{
    public bool IsInteraction => Action != DiscordAction.Text;
}

/// <summary>
/// The Discord intake as a user does it: /profile in the guild moves the intake to a DM; buttons, select menus, the
/// scores modal and typed answers (the same profile as the Telegram script); then /rank in the DM.
/// </summary>
public static class DiscordScript
{
    public static IReadOnlyList<DiscordStep> Steps { get; } =
    [
        new(DiscordAction.GuildCommand, "profile", "Which specialty"),
        new(DiscordAction.Choose, "Internal Medicine", "Which describes you"),
        new(DiscordAction.Choose, "Non-US IMG, need J-1", "USMLE results"),
        new(DiscordAction.OpenForm, "scores", "modal:scores"),
        new(DiscordAction.SubmitForm, "scores", "pass Step 1 on the first attempt"), // the form answers the exams: only attempts are left
        new(DiscordAction.Choose, "First attempt", "pass Step 2 CK on the first attempt"),
        new(DiscordAction.Choose, "First attempt", "US clinical experience"),
        new(DiscordAction.Text, "6 months", "hands-on"),
        new(DiscordAction.Choose, "Yes", "California"),
        new(DiscordAction.Choose, "Yes", "letters"),
        new(DiscordAction.Choose, "3", "from your chosen specialty"),
        new(DiscordAction.Text, "2", "physicians in California"),
        new(DiscordAction.Choose, "1", "Languages besides English"),
        new(DiscordAction.Text, "Spanish, 1 publication", "train"),
        new(DiscordAction.Text, "SoCal, CA", "rotate"),
        new(DiscordAction.Text, "skip", ""), // interview season asks "interviews so far" next; out of season the intake ends here
        new(DiscordAction.Text, "0", ""),
        new(DiscordAction.DmCommand, "rank", "chance to match"),
    ];

    public const string ScoresModal = """{"custom_id":"scores","components":[{"type":18,"component":{"type":4,"custom_id":"step1","value":"Pass"}},{"type":18,"component":{"type":4,"custom_id":"step2ck","value":"238"}},{"type":18,"component":{"type":4,"custom_id":"step3","value":"no"}},{"type":18,"component":{"type":4,"custom_id":"gradyear","value":"2019"}}]}""";
}
