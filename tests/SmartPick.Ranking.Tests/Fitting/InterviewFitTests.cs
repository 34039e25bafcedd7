using SmartPick.Ranking.Fitting;

namespace SmartPick.Ranking.Tests.Fitting;

/// <summary>The committed (σ, q) per specialty are what the fit produces from the committed NRMP summary statistics.</summary>
public sealed class InterviewFitTests
{
    private static string Inputs => Path.Combine(TestData.KnowledgeDirectory, "outcomes", "contiguous-ranks.csv");

    private static string Output => Path.Combine(TestData.KnowledgeDirectory, "outcomes", "interview-fit.csv");

    [Fact]
    public void Refit_FromCommittedInputs_ReproducesCommittedFit()
    {
        using var input = new StreamReader(Inputs);
        var fits = InterviewFit.FitAll(FitFiles.ReadInputs(input, Inputs), pooledApplications: 77);
        using var text = new StringWriter();
        FitFiles.WriteOutput(text, fits);
        if (Environment.GetEnvironmentVariable("SMARTPICK_WRITE_INTERVIEW_FIT") is { Length: > 0 } target)
        {
            File.WriteAllText(target, text.ToString()); // the regeneration step documented in knowledge/outcomes/README.md
        }

        Assert.Equal(File.ReadAllText(Output).ReplaceLineEndings("\n"), text.ToString());
    }
}
