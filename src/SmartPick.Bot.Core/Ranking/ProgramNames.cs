using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>"/explain-score Kern": programs whose name holds every typed word (a typo of one edit per word allowed).</summary>
internal static class ProgramNames
{
    private const int Offered = 6;

    public static IReadOnlyList<ProgramRecord> Find(IReadOnlyList<ProgramRecord> programs, string typed)
    {
        var words = typed.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();
        return [.. programs.Where(p => words.All(w => Has(p.Name.ToLowerInvariant(), w))).DistinctBy(p => p.AcgmeId).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>None: say so; several: ask which one, with a button each (an /explain-score of its id).</summary>
    public static AdvisorResult Ask(IReadOnlyList<ProgramRecord> found, string typed)
    {
        if (found.Count == 0)
        {
            return AdvisorResult.Fail($"I don't know a program named '{Markup.Escape(typed)}'. Use its ACGME id from /rank, or part of its name (e.g. /explain-score Kern).");
        }

        var text = $"Which '{Markup.Escape(typed)}' do you mean? {found.Count} programs match" + (found.Count > Offered ? $"; the first {Offered}:" : ":");
        var choices = found.Take(Offered).Select(p => new Choice($"{p.Name} ({p.Specialty}, {p.State})", "cmd:explain-score " + p.AcgmeId)).ToList();
        return new AdvisorResult([Reply.Private(text) with { Choices = choices }], null, text);
    }

    private static bool Has(string name, string word) =>
        name.Contains(word, StringComparison.Ordinal)
        || (word.Length >= 5 && name.Split([' ', '/', '-', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries).Any(n => EditDistance.Between(n, word) <= 1));
}
