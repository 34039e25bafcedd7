using System.Text;

namespace SmartPick.Bot.Telegram.Rendering;

/// <summary><c>https://t.me/&lt;bot&gt;?start=&lt;payload&gt;</c> links; Telegram sends <c>/start payload</c> when opened.</summary>
public static class DeepLink
{
    /// <summary>Used when the engine gave no resume payload.</summary>
    public const string GenericPayload = "continue";

    public static string For(string botUsername, string? payload) =>
        $"https://t.me/{botUsername}?start={Sanitize(payload)}";

    /// <summary>Telegram allows 1-64 characters of A-Z, a-z, 0-9, _ and -.</summary>
    public static string Sanitize(string? payload)
    {
        var sb = new StringBuilder(64);
        foreach (var c in payload ?? string.Empty)
        {
            if (sb.Length == 64)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            {
                sb.Append(c);
            }
        }

        return sb.Length == 0 ? GenericPayload : sb.ToString();
    }
}
