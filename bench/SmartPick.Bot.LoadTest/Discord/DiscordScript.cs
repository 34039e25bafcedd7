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
        new(DiscordAction.Choose, "Internal Medicine", "US-IMG"),
        new(DiscordAction.Choose, "Non-US IMG", "Step 1"),
        new(DiscordAction.Choose, "Pass", "attempts did Step 1"),
        new(DiscordAction.Choose, "1", "Step 2 CK score"),
        new(DiscordAction.OpenForm, "scores", "modal:scores"),
        new(DiscordAction.SubmitForm, "scores", "attempts did Step 2 CK"), // the form answers Step 2 CK: the intake moves on
        new(DiscordAction.Choose, "1", "Step 3"),
        new(DiscordAction.Choose, "No", "graduate"),
        new(DiscordAction.Text, "2019", "visa"),
        new(DiscordAction.Choose, "J-1", "months of US clinical"),
        new(DiscordAction.Text, "6", "hands-on"),
        new(DiscordAction.Choose, "Yes", "California"),
        new(DiscordAction.Choose, "Yes", "letters"),
        new(DiscordAction.Choose, "3", "from your chosen specialty"),
        new(DiscordAction.Text, "2", "physicians in California"),
        new(DiscordAction.Choose, "1", "languages"),
        new(DiscordAction.Choose, "Spanish", "publications"),
        new(DiscordAction.Text, "1", "regions"),
        new(DiscordAction.Text, "SoCal", "states"),
        new(DiscordAction.Choose, "CA", "That's everything"),
        new(DiscordAction.DmCommand, "rank", "Reach"),
    ];

    public const string ScoresModal = """{"custom_id":"scores","components":[{"type":18,"component":{"type":4,"custom_id":"step1","value":"Pass"}},{"type":18,"component":{"type":4,"custom_id":"step2ck","value":"238"}},{"type":18,"component":{"type":4,"custom_id":"step3","value":"no"}},{"type":18,"component":{"type":4,"custom_id":"gradyear","value":"2019"}}]}""";
}
