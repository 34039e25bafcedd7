using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>One Discord message rendered from a reply, with its optional file.</summary>
public sealed record RenderedMessage(MessageBody Body, FileUpload? File);

/// <summary>
/// Renders Core replies as Discord messages: Markdown content up to 2000 characters, longer text (ranked lists) as
/// embed descriptions of up to 4096 (one embed per message, so the 6000 total holds), choices as buttons (a select
/// menu above 5), a form as an "open form" button, images as <c>files[0]</c> attachments.
/// </summary>
public static class ReplyRenderer
{
    public const int ContentLimit = 2000;
    public const int DescriptionLimit = 4096;
    private const int MaxButtons = 5;

    public static IReadOnlyList<RenderedMessage> Render(Reply reply, bool ephemeral)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = Markup.ToDiscordMarkdown(reply.Text).Trim();
        var asEmbed = text.Length > ContentLimit;
        var chunks = asEmbed ? Split(text, DescriptionLimit) : [text];
        var components = Components(reply);
        var messages = new List<RenderedMessage>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var last = i == chunks.Count - 1;
            var image = last ? reply.Image : null;
            var document = last && image is null ? reply.File : null; // one attachment per message
            var content = asEmbed ? null : chunks[i];
            if (string.IsNullOrEmpty(content) && !asEmbed && image is null && document is null && (!last || components is null))
            {
                content = "…";
            }

            var body = new MessageBody
            {
                Content = string.IsNullOrEmpty(content) ? null : content,
                Embeds = asEmbed ? [new Embed { Description = chunks[i] }] : null,
                Components = last ? components : null,
                Flags = ephemeral ? MessageFlags.Ephemeral : null,
                Attachments = image is not null ? [new AttachmentRef("0", image.FileName, Truncate(image.AltText, 1024))]
                    : document is not null ? [new AttachmentRef("0", document.FileName, null)] : null,
            };
            messages.Add(new RenderedMessage(body, image is not null ? new FileUpload(image.FileName, image.Png)
                : document is null ? null : new FileUpload(document.FileName, document.Content, document.MediaType)));
        }

        return messages;
    }

    /// <summary>
    /// A modal for the form: at most 5 text inputs, each wrapped in a Label. A form standing in for typing takes a
    /// paragraph as long as a typed message could be (a free-text answer such as the connections step runs long).
    /// </summary>
    public static ModalData Modal(FormRequest form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var inputs = form.Fields.Take(5).Select(f => new Component(ComponentType.Label)
        {
            Label = Truncate(f.Label, 45),
            Child = new Component(ComponentType.TextInput)
            {
                CustomId = Truncate(f.Id, 100),
                Style = form.StandsInForTyping ? 2 : 1,
                Required = f.Required,
                Placeholder = f.Placeholder is null ? null : Truncate(f.Placeholder, 100),
                MaxLength = form.StandsInForTyping ? ContentLimit : 200,
            },
        }).ToList();
        return new ModalData(Truncate(form.FormId, 100), Truncate(form.Title, 45), inputs);
    }

    private static List<Component>? Components(Reply reply)
    {
        var rows = new List<Component>();
        var choices = reply.Choices.DistinctBy(c => c.Payload).ToList();
        if (choices.Count is > 0 and <= MaxButtons)
        {
            rows.Add(Row(choices.Select(c => new Component(ComponentType.Button)
            {
                Style = 1,
                Label = Truncate(c.Label, 80),
                CustomId = Truncate(InteractionMapper.ChoicePrefix + c.Payload, 100),
            })));
        }
        else if (choices.Count > MaxButtons)
        {
            rows.Add(Row([new Component(ComponentType.StringSelect)
            {
                CustomId = InteractionMapper.ChoiceSelectId,
                Placeholder = "Choose…",
                Options = choices.Take(25).Select(c => new SelectOption(Truncate(c.Label, 100), Truncate(c.Payload, 100))).ToList(),
            }]));
        }

        if (reply.Form is { } form)
        {
            rows.Add(Row([new Component(ComponentType.Button)
            {
                Style = 2,
                Label = Truncate(form.Title, 80),
                CustomId = Truncate(InteractionMapper.FormPrefix + form.FormId, 100),
            }]));
        }

        return rows.Count == 0 ? null : rows;
    }

    private static Component Row(IEnumerable<Component> items) => new(ComponentType.ActionRow) { Components = items.ToList() };

    internal static List<string> Split(string text, int limit)
    {
        var chunks = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var piece = line;
            while (piece.Length > limit)
            {
                Flush();
                chunks.Add(piece[..limit]);
                piece = piece[limit..];
            }

            if (current.Length + piece.Length + 1 > limit)
            {
                Flush();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(piece);
        }

        Flush();
        return chunks;

        void Flush()
        {
            if (current.Length > 0)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }
        }
    }

    internal static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
