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

    /// <summary>Press the form button labelled <see cref="DiscordStep.Value"/> on the latest question (the bot must answer with the modal).</summary>
    OpenForm,

    /// <summary>Submit the modal just opened: the USMLE results form, or a one-field answer form holding <see cref="DiscordStep.Value"/>.</summary>
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
/// The Discord intake as users do it, with the same profile as the Telegram script, then /rank. Half the users start
/// with /profile in the server channel: the whole intake runs there in ephemeral interaction responses (buttons, select
/// menus, the scores modal, and a one-field form where an answer is typed). The other half start with /profile in their
/// DM channel and type some answers as plain messages, which count toward the bot's global 50/s limit.
/// </summary>
public static class DiscordScript
{
    public const string ScoresForm = "scores";
    private const string TypeAnswer = "Type your answer";

    public static IReadOnlyList<DiscordStep> InServer { get; } =
    [
        new(DiscordAction.GuildCommand, "profile", "Which specialty"),
        new(DiscordAction.Choose, "Internal Medicine", "Which describes you"),
        new(DiscordAction.Choose, "Non-US IMG, need J-1", "USMLE results"),
        new(DiscordAction.OpenForm, "Your USMLE results", "modal:scores"),
        new(DiscordAction.SubmitForm, ScoresForm, "pass Step 1 on the first attempt"), // the form answers the exams: only attempts are left
        new(DiscordAction.Choose, "First attempt", "pass Step 2 CK on the first attempt"),
        new(DiscordAction.Choose, "First attempt", "US clinical experience"),
        new(DiscordAction.OpenForm, TypeAnswer, "modal:answer:usce"),
        new(DiscordAction.SubmitForm, "6 months", "hands-on"),
        new(DiscordAction.Choose, "Yes", "California"),
        new(DiscordAction.Choose, "Yes", "letters"),
        new(DiscordAction.Choose, "3", "from your chosen specialty"),
        new(DiscordAction.Choose, "2", "physicians in California"),
        new(DiscordAction.Choose, "1", "Languages besides English"),
        new(DiscordAction.OpenForm, TypeAnswer, "modal:answer:extras"),
        new(DiscordAction.SubmitForm, "Spanish, 1 publication", "train"),
        new(DiscordAction.OpenForm, TypeAnswer, "modal:answer:regions"),
        new(DiscordAction.SubmitForm, "SoCal, CA", "rotate"),
        new(DiscordAction.Choose, "Skip", ""), // interview season asks "interviews so far" next (left open here); out of season the intake ends
        new(DiscordAction.GuildCommand, "rank", "chance to match"),
    ];

    public static IReadOnlyList<DiscordStep> InDm { get; } =
    [
        new(DiscordAction.DmCommand, "profile", "Which specialty"),
        new(DiscordAction.Choose, "Internal Medicine", "Which describes you"),
        new(DiscordAction.Choose, "Non-US IMG, need J-1", "USMLE results"),
        new(DiscordAction.OpenForm, "Your USMLE results", "modal:scores"),
        new(DiscordAction.SubmitForm, ScoresForm, "pass Step 1 on the first attempt"),
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

    /// <summary>Even-numbered users do the intake in the server channel, odd-numbered ones in their DM channel.</summary>
    public static IReadOnlyList<DiscordStep> For(int userIndex) => userIndex % 2 == 0 ? InServer : InDm;

    public const string ScoresModal = """{"custom_id":"scores","components":[{"type":18,"component":{"type":4,"custom_id":"step1","value":"Pass"}},{"type":18,"component":{"type":4,"custom_id":"step2ck","value":"238"}},{"type":18,"component":{"type":4,"custom_id":"step3","value":"no"}},{"type":18,"component":{"type":4,"custom_id":"gradyear","value":"2019"}}]}""";
}
