using SmartPick.Bot.Core.Ranking;
using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>
/// Autocomplete choices (at most 25), computed in memory because autocomplete cannot be deferred. Specialties come
/// from <see cref="IRankingAdvisor.Specialties"/> when registered, else a short built-in list; other options echo
/// the input.
/// </summary>
public sealed class SpecialtyAutocomplete(IServiceProvider services)
{
    internal static readonly string[] BuiltIn =
    [
        "Internal Medicine", "Family Medicine", "Pediatrics", "Psychiatry", "Neurology", "Pathology",
        "Emergency Medicine", "General Surgery", "Obstetrics and Gynecology", "Anesthesiology",
        "Physical Medicine and Rehabilitation", "Radiology-Diagnostic",
    ];

    public IReadOnlyList<CommandChoice> Choices(string optionName, string input)
    {
        var typed = input.Trim();
        if (!string.Equals(optionName, "specialty", StringComparison.OrdinalIgnoreCase))
        {
            return Echo(typed);
        }

        var all = Specialties();
        var matches = all.Where(s => s.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Concat(all.Where(s => s.Contains(typed, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.Ordinal)
            .Take(25)
            .Select(s => new CommandChoice(ReplyRenderer.Truncate(s, 100), ReplyRenderer.Truncate(s, 100)))
            .ToList();
        return matches.Count > 0 ? matches : Echo(typed);
    }

    private IReadOnlyList<string> Specialties()
    {
        try
        {
            return (services.GetService(typeof(IRankingAdvisor)) as IRankingAdvisor)?.Specialties is { Count: > 0 } list ? list : BuiltIn;
        }
        catch (InvalidOperationException)
        {
            return BuiltIn;
        }
    }

    private static List<CommandChoice> Echo(string typed) =>
        typed.Length == 0 ? [] : [new CommandChoice(ReplyRenderer.Truncate(typed, 100), ReplyRenderer.Truncate(typed, 100))];
}
