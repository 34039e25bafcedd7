namespace SmartPick.Bot.Core.Messaging;

/// <summary>Who may see a reply. Private replies carry personal data (scores, results).</summary>
public enum Visibility
{
    Public,
    Private,
}

/// <summary>
/// One message from the engine, in platform-neutral form. <see cref="Text"/> uses <see cref="Markup"/>
/// (a small Markdown subset); adapters render it and enforce their own length limits.
/// </summary>
public sealed record Reply(string Text)
{
    /// <summary>Quick-reply choices (buttons / inline keyboard). Pressing one sends <see cref="ButtonContent"/>.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Optional chart or picture, always with a text alternative.</summary>
    public ReplyImage? Image { get; init; }

    public Visibility Visibility { get; init; } = Visibility.Public;

    /// <summary>
    /// Set when the user wrote in a group but the answer belongs in a direct chat: the payload to resume with there
    /// (e.g. "rank", "profile"). Telegram turns it into a <c>t.me/bot?start=payload</c> link, Discord opens a DM.
    /// </summary>
    public string? ContinueInDirect { get; init; }

    /// <summary>Optional form the platform may show (Discord modal); platforms without forms ignore it.</summary>
    public FormRequest? Form { get; init; }

    /// <summary>Optional file to send with the text (a CSV export); adapters upload it, the console writes it to disk.</summary>
    public ReplyFile? File { get; init; }

    public static Reply Private(string text) => new(text) { Visibility = Visibility.Private };
}

/// <param name="Label">Button text shown to the user.</param>
/// <param name="Payload">Opaque value sent back in <see cref="ButtonContent"/> (≤ 64 bytes so Telegram accepts it).</param>
public sealed record Choice(string Label, string Payload);

/// <param name="Png">PNG bytes.</param>
/// <param name="AltText">Text alternative, always present.</param>
/// <param name="FileName">Attachment file name, e.g. "plan.png".</param>
public sealed record ReplyImage(byte[] Png, string AltText, string FileName);

/// <param name="Content">The file's bytes.</param>
/// <param name="FileName">File name without a path, e.g. "smartpick-list.csv".</param>
/// <param name="MediaType">MIME type, e.g. "text/csv".</param>
public sealed record ReplyFile(byte[] Content, string FileName, string MediaType);

/// <summary>A form with short text fields (a Discord modal: at most 5 fields).</summary>
public sealed record FormRequest(string FormId, string Title, IReadOnlyList<FormField> Fields)
{
    /// <summary>
    /// The form only stands in for a typed answer: it is offered where the user cannot type back to the bot (a
    /// question answered ephemerally in a server channel) and dropped in direct chats, where typing works.
    /// </summary>
    public bool StandsInForTyping { get; init; }
}

public sealed record FormField(string Id, string Label, string? Placeholder = null, bool Required = false);
