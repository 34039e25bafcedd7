namespace SmartPick.Bot.Knowledge.Tests.Support;

/// <summary>A small throw-away knowledge folder for unit tests that must not depend on the real guide's wording.</summary>
internal sealed class FixtureGuide : IDisposable
{
    public FixtureGuide()
    {
        Root = Path.Combine(Path.GetTempPath(), "smartpick-guide-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "guide"));
        Write("visas.md", """
            # Visas for residents

            Intro text that is not a section.

            ## H-1B and Step 3 {#h1b-and-step3}

            The H-1B is a work visa the hospital sponsors. Programs want Step 3 passed before they rank you.
            Unrelated sentence about weather in the summer.

            - Take Step 3 early if you want H-1B programs.
            - Otherwise focus on J-1 programs.

            ## J-1 time limit {#j1-limits}

            A J-1 physician may train for up to 7 years ([8 U.S.C. 1182](https://www.law.cornell.edu/uscode/text/8/1182)).
            After training there is a two-year home-residence requirement.
            """);
        Write("letters.md", """
            # Letters of recommendation

            ## Letters from US physicians {#us-letters}

            Ask for letters of recommendation from US physicians who supervised you in hands-on clinical work.
            A strong letter describes your reliability and communication with patients.

            ### Timing

            Request letters at least six weeks before ERAS opens.

            ## Letters from home {#home-letters}

            Letters from your home country count for less but can show continuity.
            """);
    }

    public string Root { get; }

    public void Write(string file, string markdown) =>
        File.WriteAllText(Path.Combine(Root, "guide", file), markdown.Replace("\r\n", "\n", StringComparison.Ordinal));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
