namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>
/// Turns a program's cited facts into the rules the IM data already uses (socal README, "Use in ranking"):
/// citizens/PR only, visa sponsorship (when both J-1 and H-1B are stated), graduation-year limit, attempts, score
/// minimum (hard) or recommendation (soft), military program. Each rule keeps the citation of the fact it comes from.
/// A limit is soft when the page gives an exception ("unless", "exception") or the notes call it soft.
/// </summary>
public static class FactRules
{
    public static IReadOnlyList<ProgramRule> For(string programId, IReadOnlyList<ProgramFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rules = new List<ProgramRule>();
        foreach (var f in facts)
        {
            var hard = !IsSoft(f);
            switch (f.Fact)
            {
                case "citizens_or_pr_only":
                    rules.Add(new(programId, RuleKind.CitizensOrPermanentResidentsOnly, null, true, "US citizens or permanent residents only", f.Provenance));
                    break;
                case "military_program":
                    rules.Add(new(programId, RuleKind.MilitaryOnly, null, true, "Military program: takes no civilian applicants", f.Provenance));
                    break;
                case "graduation_year_limit":
                    rules.Add(new(programId, RuleKind.MaxYearsSinceGraduation, f.Value, hard, $"Graduated within {f.Value} years", f.Provenance));
                    break;
                case "attempts_policy" when FactValues.MaxFailures(f.Value) is { } max:
                    rules.Add(max == 0
                        ? new(programId, RuleKind.FirstAttemptsOnly, null, hard, "USMLE first attempts only", f.Provenance)
                        : new(programId, RuleKind.MaxFailures, max.ToString(System.Globalization.CultureInfo.InvariantCulture), hard, $"At most {max} USMLE failure(s) ({f.Value})", f.Provenance));
                    break;
                case "step2_min" when f.Value != "none":
                    rules.Add(new(programId, RuleKind.MinScore, f.Value, hard, $"Step 2 CK minimum {f.Value}", f.Provenance));
                    break;
                case "step2_recommended":
                    rules.Add(new(programId, RuleKind.MinScore, f.Value, false, $"Step 2 CK {f.Value}+ recommended", f.Provenance));
                    break;
                default:
                    break;
            }
        }

        if (Visas(facts) is { } visas)
        {
            var j1 = facts.First(f => f.Fact == "visa_j1");
            rules.Add(new(programId, RuleKind.VisaAllowed, VisaValue(visas), true, VisaDetail(facts), j1.Provenance));
        }

        return rules;
    }

    /// <summary>The visas sponsored for a new resident, when the facts state both J-1 and H-1B; else null (not reported).</summary>
    public static VisaSupport? Visas(IReadOnlyList<ProgramFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var j1 = facts.FirstOrDefault(f => f.Fact == "visa_j1")?.Value;
        var h1b = facts.FirstOrDefault(f => f.Fact == "visa_h1b")?.Value;
        if (j1 is null || h1b is null)
        {
            return null;
        }

        return (j1 == "true" ? VisaSupport.J1 : VisaSupport.None) | (h1b == "true" ? VisaSupport.H1B : VisaSupport.None);
    }

    private static string VisaValue(VisaSupport v) => v switch
    {
        VisaSupport.None => ProgramRule.NoVisas,
        VisaSupport.J1 => "J1",
        VisaSupport.H1B => "H1B",
        _ => "J1;H1B",
    };

    private static string VisaDetail(IReadOnlyList<ProgramFact> facts)
    {
        static string Say(string? v) => v switch { "true" => "yes", FactValues.TransferOnly => "transfers from another US program only", _ => "no" };
        return $"Visa sponsorship: J-1 {Say(facts.First(f => f.Fact == "visa_j1").Value)}; H-1B {Say(facts.First(f => f.Fact == "visa_h1b").Value)}";
    }

    private static bool IsSoft(ProgramFact f)
    {
        var notes = f.Notes ?? string.Empty;
        return notes.StartsWith("soft", StringComparison.OrdinalIgnoreCase)
            || notes.Contains("exception", StringComparison.OrdinalIgnoreCase)
            || notes.Contains("unless", StringComparison.OrdinalIgnoreCase);
    }
}
