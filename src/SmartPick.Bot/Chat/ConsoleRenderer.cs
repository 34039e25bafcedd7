using System.Text;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Chat;

/// <summary>Replies as plain text: markup removed, choices as [Label] (type the label to choose), images by alt text.</summary>
public static class ConsoleRenderer
{
    public static string Render(IReadOnlyList<Reply> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var sb = new StringBuilder();
        foreach (var reply in replies)
        {
            sb.AppendLine(Markup.ToPlainText(reply.Text));
            if (reply.Image is { } image)
            {
                sb.Append("[chart: ").Append(image.AltText).AppendLine("]");
            }

            if (reply.Choices.Count > 0)
            {
                sb.AppendLine(string.Join("  ", reply.Choices.Select(c => $"[{c.Label}]")));
            }
        }

        return sb.ToString();
    }
}
