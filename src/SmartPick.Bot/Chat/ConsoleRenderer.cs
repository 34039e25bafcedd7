using System.Text;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Chat;

/// <summary>Replies as plain text: markup removed, choices as [Label] (type the label to choose), images by alt text, files saved to the current directory.</summary>
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

            if (reply.File is { } file)
            {
                // The console's "attachment": the file lands in the current directory.
                var path = Path.GetFullPath(Path.GetFileName(file.FileName));
                File.WriteAllBytes(path, file.Content);
                sb.Append("[file saved: ").Append(path).AppendLine("]");
            }

            if (reply.Choices.Count > 0)
            {
                sb.AppendLine(string.Join("  ", reply.Choices.Select(c => $"[{c.Label}]")));
            }
        }

        return sb.ToString();
    }
}
