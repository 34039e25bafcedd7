using System.Text;

namespace SmartPick.Bot.Core.Servers.Feedback;

/// <summary>
/// What a shared question looks like once stored: every digit (any script) becomes '#', so a score, a count of
/// attempts, a year or a phone number cannot be read back ("I got 238, 2 fails" → "I got ###, # fails").
/// </summary>
public static class QuestionMask
{
    public const char Masked = '#';

    public static string Mask(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var masked = new StringBuilder(question.Length);
        foreach (var rune in question.Trim().EnumerateRunes())
        {
            if (Rune.IsDigit(rune) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber)
            {
                masked.Append(Masked);
            }
            else
            {
                masked.Append(rune.ToString());
            }
        }

        return masked.ToString();
    }
}
