using System.Globalization;

namespace SmartPick.Ranking.Catalog;

/// <summary>Reads <c>knowledge/programs/program-rules.csv</c>: one stated rule per row, each with its source URL.</summary>
public static class RuleLoader
{
    private static readonly string[] Required = ["acgme_id", "rule", "strength", "detail", "source", "source_url", "retrieved_on"];

    public static IReadOnlyList<ProgramRule> Load(TextReader reader, string file)
    {
        var table = CsvTable.Parse(reader, file, Required);
        var rules = new List<ProgramRule>();
        foreach (var row in table.Rows)
        {
            var kindText = row.Required("rule");
            if (!Enum.TryParse<RuleKind>(kindText, ignoreCase: false, out var kind))
            {
                throw row.Fail("rule", $"'{kindText}' is not one of {string.Join(", ", Enum.GetNames<RuleKind>())}");
            }

            var value = row.Text("value");
            var needsNumber = kind is RuleKind.MaxYearsSinceGraduation or RuleKind.MaxFailures or RuleKind.MinScore;
            if (needsNumber && !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw row.Fail("value", $"rule {kind} needs a whole number, got '{value}'");
            }

            if (kind == RuleKind.VisaAllowed && value != ProgramRule.NoVisas && (value is null || value.Split(';').Any(v => v is not ("J1" or "H1B" or "F1"))))
            {
                throw row.Fail("value", $"rule VisaAllowed needs J1/H1B/F1 separated by ';' or '{ProgramRule.NoVisas}', got '{value}'");
            }

            var strength = row.Required("strength");
            if (strength is not ("hard" or "soft"))
            {
                throw row.Fail("strength", $"'{strength}' is not hard or soft");
            }

            rules.Add(new ProgramRule(
                row.Required("acgme_id"), kind, value, strength == "hard", row.Required("detail"),
                new Provenance(row.Required("source"), row.Required("source_url"), row.Required("retrieved_on"))));
        }

        return rules;
    }
}
