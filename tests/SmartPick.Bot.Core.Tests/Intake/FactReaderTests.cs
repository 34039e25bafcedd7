using CsCheck;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Intake.Reading;
using SmartPick.Ranking.Profiles;
using Xunit.Abstractions;

namespace SmartPick.Bot.Core.Tests.Intake;

/// <summary>
/// The rule-based reader against phrasings applicants really use. Each row lists every fact a careful reader takes from
/// the message (and nothing more); a row counts as right only when the facts match exactly.
/// </summary>
public sealed class FactReaderTests(ITestOutputHelper output)
{
    private static readonly IntakeContext Today = new(2026);

    /// <summary>Message → expected facts ("key=value; ..."; empty: nothing to read).</summary>
    public static readonly (string Text, string Facts)[] Table =
    [
        ("i got 238 on ck and passed step 1 in 2021, no visa needed i'm a green card holder", "ck=238; ckPassed=True; s1=Pass; type=NonUsImg; visa=None"),
        ("CK 238", "ck=238; ckPassed=True"),
        ("my CK is 238", "ck=238; ckPassed=True"),
        ("step 2: 238", "ck=238; ckPassed=True"),
        ("Step 2 CK 251", "ck=251; ckPassed=True"),
        ("step2ck 245", "ck=245; ckPassed=True"),
        ("scored 241 on step 2", "ck=241; ckPassed=True"),
        ("got a 229 in ck", "ck=229; ckPassed=True"),
        ("2ck 233", "ck=233; ckPassed=True"),
        ("usmle step 2 ck score is 247", "ck=247; ckPassed=True"),
        ("ck was 219", "ck=219; ckPassed=True"),
        ("ck 212", "ck=212"),
        ("CK 215 in 2023", "ck=215"),
        ("I got 205 on CK", "ckPassed=False; ckAttempts=1"),
        ("ck 5", ""),
        ("step1 pass", "s1=Pass"),
        ("step 1: pass", "s1=Pass"),
        ("passed step 1", "s1=Pass"),
        ("Step 1 passed on the first attempt", "s1=Pass; s1Attempts=1"),
        ("passed step 1 first try", "s1=Pass; s1Attempts=1"),
        ("failed step 1 once then passed", "s1=Pass; s1Attempts=2"),
        ("failed step 1 once, then passed", "s1=Pass; s1Attempts=2"),
        ("failed step 1 twice then passed", "s1=Pass; s1Attempts=3"),
        ("step 1 failed", "s1=Fail"),
        ("failed step one", "s1=Fail"),
        ("step 1 230", "s1=Score; s1Score=230"),
        ("I scored 231 on step 1", "s1=Score; s1Score=231"),
        ("step 1 pass, ck 240", "s1=Pass; ck=240; ckPassed=True"),
        ("Step 1 P, Step 2 CK 250", "ck=250; ckPassed=True"),
        ("passed step 3", "s3=True"),
        ("no step 3", "s3=False"),
        ("step 3 not taken", "s3=False"),
        ("haven't taken step 3 yet", "s3=False"),
        ("step 3 221", "s3=True; s3Score=221"),
        ("passed step 1 and step 2 ck 244 on first attempt", "s1=Pass; ck=244; ckPassed=True; ckAttempts=1"),
        ("ck 238 first attempt", "ck=238; ckPassed=True; ckAttempts=1"),
        ("failed ck once then passed with 230", "ck=230; ckPassed=True; ckAttempts=2"),
        ("graduated 2019", "grad=2019"),
        ("I graduated in 2020", "grad=2020"),
        ("YOG 2018", "grad=2018"),
        ("2019 grad", "grad=2019"),
        ("class of 2022", "grad=2022"),
        ("graduation year 2017", "grad=2017"),
        ("oops i graduated in 2021 not 1990", "grad=2021"),
        ("graduated 1850", ""),
        ("I'm a green card holder", "type=NonUsImg; visa=None"),
        ("green card", "type=NonUsImg; visa=None"),
        ("I am a permanent resident", "type=NonUsImg; visa=None"),
        ("I'm a US citizen", "type=UsImg; visa=None"),
        ("american citizen, studied in the caribbean", "type=UsImg; visa=None"),
        ("I am not a US citizen", "type=NonUsImg"),
        ("need J1", "visa=J1"),
        ("I will need a J-1 visa", "visa=J1"),
        ("h1b", "visa=H1B"),
        ("I need H-1B sponsorship", "visa=H1B"),
        ("no visa needed", "visa=None"),
        ("I don't need a visa", "visa=None"),
        ("non-US IMG needing j1", "type=NonUsImg; visa=J1"),
        ("I'm an international graduate and need h1b", "type=NonUsImg; visa=H1B"),
        ("6 months of USCE in LA, hands-on", "usce=6; handsOn=True; ca=True"),
        ("4 months hands-on, in California", "usce=4; handsOn=True; ca=True"),
        ("only observerships", "handsOn=False"),
        ("3 months of observerships only", "usce=3; handsOn=False"),
        ("no usce", "usce=0"),
        ("none usce", "usce=0"),
        ("12 months of US clinical experience", "usce=12"),
        ("1 year of usce in new york", "usce=12"),
        ("two months externship in Texas", "usce=2; handsOn=True"),
        ("6 months hands-on, none in California", "usce=6; handsOn=True; ca=False"),
        ("8 weeks of clerkships in san diego", "usce=2; handsOn=True; ca=True"),
        ("3 letters", "letters=3"),
        ("3 US letters, 2 in IM, 1 from California", "letters=3; lspec=2; lca=1"),
        ("two LORs", "letters=2"),
        ("I have four letters of recommendation", "letters=4"),
        ("no letters yet", "letters=0"),
        ("2 US letters, 1 in psychiatry, none from California", "letters=2; lspec=1; lca=0"),
        ("3 letters, 2 from my specialty", "letters=3; lspec=2"),
        ("1 publication", "pubs=1"),
        ("two publications", "pubs=2"),
        ("no publications", "pubs=0"),
        ("5 papers", "pubs=5"),
        ("Spanish, 2 publications", "pubs=2; langs=Spanish"),
        ("I speak Spanish and Tagalog", "langs=Spanish,Tagalog"),
        ("fluent in Arabic", "langs=Arabic"),
        ("english only", "langs="),
        ("Hindi, 1 publication", "pubs=1; langs=Hindi"),
        ("applying to internal medicine", "spec=Internal Medicine"),
        ("I'm applying for IM and FM", "spec=Internal Medicine,Family Medicine"),
        ("interested in pediatrics", "spec=Pediatrics"),
        ("applying to intrnal medicin", "spec=Internal Medicine"),
        ("my specialty is psych", "spec=Psychiatry"),
        ("going for family medicine in socal", "spec=Family Medicine"),
        ("is 238 ok for IM?", ""),
        ("what is a good ck score", ""),
        ("thanks!", ""),
        ("ok", ""),
        ("I have 3 interviews", "interviews=3"),
        ("no interviews yet", "interviews=0"),
        ("got two interview invites so far", "interviews=2"),
        ("hello there", ""),
        ("238", ""),
        ("I got 238 on ck, need j1, graduated 2019", "ck=238; ckPassed=True; visa=J1; grad=2019"),
        ("CK 244 step 1 pass grad 2020 green card", "ck=244; ckPassed=True; s1=Pass; grad=2020; type=NonUsImg; visa=None"),
        ("step 1 pass first attempt, ck 226 first attempt, no step 3, graduated 2021", "s1=Pass; s1Attempts=1; ck=226; ckPassed=True; ckAttempts=1; s3=False; grad=2021"),
        ("failed step 1 once then passed, 231 on ck, step 3 not taken, graduated 2018", "s1=Pass; s1Attempts=2; ck=231; ckPassed=True; s3=False; grad=2018"),
        ("passed step 1 first try, ck 219 passed first try, no step 3, graduated 2024", "s1=Pass; s1Attempts=1; ck=219; ckPassed=True; ckAttempts=1; s3=False; grad=2024"),
        ("US citizen, ck 219, graduated 2024, 6 months hands-on usce", "type=UsImg; visa=None; ck=219; ckPassed=True; grad=2024; usce=6; handsOn=True"),
        ("I'm a J1 applicant with 250 on step 2", "visa=J1; ck=250; ckPassed=True"),
        ("my step 2 score is 260 and I graduated 2023", "ck=260; ckPassed=True; grad=2023"),
        ("H1B needed, Step 3 passed with 225", "visa=H1B; s3=True; s3Score=225"),
    ];

    /// <summary>Written after the reader was finished and never tuned on: its accuracy is the honest estimate.</summary>
    public static readonly (string Text, string Facts)[] HeldOut =
    [
        ("my step 2 ck is 243 and i need a j1 visa", "ck=243; ckPassed=True; visa=J1"),
        ("Scored 236 on CK, passed step1, YOG 2021", "ck=236; ckPassed=True; s1=Pass; grad=2021"),
        ("I'm a permanent resident, graduated in 2016", "type=NonUsImg; visa=None; grad=2016"),
        ("CK: 228", "ck=228; ckPassed=True"),
        ("i have 2 LORs from IM and 1 from california", "letters=2"),
        ("3 months of hands on usce in chicago", "usce=3; handsOn=True"),
        ("no USCE at all", "usce=0"),
        ("failed step 2 ck once, then passed with 225", "ck=225; ckPassed=True; ckAttempts=2"),
        ("Step 1: Fail (2 attempts)", "s1=Fail"),
        ("I passed step 3 with a 219", "s3=True; s3Score=219"),
        ("graduated back in 2010", "grad=2010"),
        ("I'm an american citizen", "type=UsImg; visa=None"),
        ("need h1-b", "visa=H1B"),
        ("i speak urdu and punjabi", "langs=Urdu,Punjabi"),
        ("have 3 pubs", "pubs=3"),
        ("4 interviews so far", "interviews=4"),
        ("applying into neurology", "spec=Neurology"),
        ("pediatircs is my specialty", ""),
        ("what happens if my ck is 215?", ""),
        ("ck 231 (first attempt), step 1 passed on second attempt", "ck=231; ckPassed=True; ckAttempts=1; s1=Pass"),
        ("2 months observership in NY and 4 months externship in LA", "usce=2; handsOn=True; ca=True"),
        ("I don't need visa sponsorship", "visa=None"),
        ("graduating 2027", "grad=2027"),
        ("one publication and two posters", "pubs=1"),
        ("I'm IMG from india, need J1, CK 226", "visa=J1; ck=226; ckPassed=True"),
    ];

    [Fact]
    public void HeldOutPhrasings_AccuracyIsReported()
    {
        var misses = HeldOut.Where(r => Describe(FactReader.Read(r.Text, Today).Profile) != Normalize(r.Facts)).ToList();
        output.WriteLine($"Held out: {HeldOut.Length - misses.Count}/{HeldOut.Length} read exactly");
        foreach (var (text, facts) in misses)
        {
            output.WriteLine($"MISS \"{text}\": expected [{Normalize(facts)}], read [{Describe(FactReader.Read(text, Today).Profile)}]");
        }

        Assert.True(HeldOut.Length - misses.Count >= HeldOut.Length * 0.6, $"{misses.Count} of {HeldOut.Length} missed");
    }

    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var (text, facts) in Table)
        {
            data.Add(text, facts);
        }

        return data;
    }

    [Fact]
    public void PhrasingTable_HasAtLeastAHundredRows_AndIsReadAccurately()
    {
        var misses = Table.Where(r => Describe(FactReader.Read(r.Text, Today).Profile) != Normalize(r.Facts)).ToList();
        var accuracy = 1.0 - (double)misses.Count / Table.Length;
        output.WriteLine($"Fact reader: {Table.Length - misses.Count}/{Table.Length} phrasings read exactly ({accuracy:P1})");
        foreach (var (text, facts) in misses)
        {
            output.WriteLine($"MISS \"{text}\": expected [{Normalize(facts)}], read [{Describe(FactReader.Read(text, Today).Profile)}]");
        }

        Assert.True(Table.Length >= 100);
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy:P1}");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_ReadsExactlyTheStatedFacts(string text, string facts) =>
        Assert.Equal(Normalize(facts), Describe(FactReader.Read(text, Today).Profile));

    [Theory]
    [InlineData("is 238 ok for IM?", true)]
    [InlineData("what is a good ck score for IM", true)]
    [InlineData("how many programs should I apply to", true)]
    [InlineData("do I need step 3 for h1b", true)]
    [InlineData("i got 238 on ck", false)]
    [InlineData("my CK is 238", false)]
    [InlineData("oops i graduated in 2021 not 1990", false)]
    [InlineData("green card holder", false)]
    public void Question_IsToldApartFromAStatement(string text, bool question) => Assert.Equal(question, Words.IsQuestion(text));

    [Theory]
    [InlineData("thanks!", true)]
    [InlineData("ok", true)]
    [InlineData("lol", true)]
    [InlineData("Thank you so much", true)]
    [InlineData("ck 238", false)]
    [InlineData("no", false)]
    public void SmallTalk_IsRecognised(string text, bool smallTalk) => Assert.Equal(smallTalk, Words.IsSmallTalk(text));

    /// <summary>Fuzz over phrasings: random true facts, each said in a random way, in random order and joined at random; every fact comes back.</summary>
    [Fact]
    public void RandomCombinationsOfPhrasings_AreReadBack()
    {
        var ck = Gen.Int[218, 275].Select(n => (Say: Gen.OneOf(Gen.Const($"ck {n}"), Gen.Const($"{n} on ck"), Gen.Const($"step 2 ck: {n}"), Gen.Const($"my step 2 score is {n}")), Fact: $"ck={n}; ckPassed=True"));
        var grad = Gen.Int[1995, 2026].Select(y => (Say: Gen.OneOf(Gen.Const($"graduated {y}"), Gen.Const($"yog {y}"), Gen.Const($"class of {y}"), Gen.Const($"{y} grad")), Fact: $"grad={y}"));
        var visa = Gen.OneOf(
            Gen.Const((Say: Gen.OneOf(Gen.Const("need j1"), Gen.Const("j-1 visa")), Fact: "visa=J1")),
            Gen.Const((Say: Gen.OneOf(Gen.Const("h1b"), Gen.Const("need H-1B")), Fact: "visa=H1B")),
            Gen.Const((Say: Gen.OneOf(Gen.Const("green card holder"), Gen.Const("permanent resident")), Fact: "type=NonUsImg; visa=None")));
        var letters = Gen.Int[0, 6].Select(n => (Say: Gen.OneOf(Gen.Const($"{n} letters"), Gen.Const($"{n} LORs"), Gen.Const($"{Word(n)} letters")), Fact: $"letters={n}"));
        var pubs = Gen.Int[0, 9].Select(n => (Say: Gen.OneOf(Gen.Const($"{n} publications"), Gen.Const($"{Word(n)} papers")), Fact: $"pubs={n}"));
        var separator = Gen.OneOf(Gen.Const(", "), Gen.Const("; "), Gen.Const(" and "), Gen.Const(". "));
        var parts = Gen.Select(ck, grad, visa, letters, pubs).SelectMany(t =>
            Gen.Select(t.Item1.Say, t.Item2.Say, t.Item3.Say, t.Item4.Say, t.Item5.Say).Select(s =>
                (Said: new[] { s.Item1, s.Item2, s.Item3, s.Item4, s.Item5 }, Facts: string.Join("; ", t.Item1.Fact, t.Item2.Fact, t.Item3.Fact, t.Item4.Fact, t.Item5.Fact))));
        Gen.Select(parts, Gen.Int[1, 3].Array[5], separator).Sample(x =>
        {
            var order = x.Item1.Said.Zip(x.Item2).OrderBy(p => p.Second).Select(p => p.First);
            var text = "I have " + string.Join(x.Item3, order);
            Assert.Equal(Normalize(x.Item1.Facts), Describe(FactReader.Read(text, Today).Profile));
        }, iter: 300);
    }

    private static string Word(int n) => n switch { 0 => "no", 1 => "one", 2 => "two", 3 => "three", 4 => "four", 5 => "five", 6 => "six", 7 => "seven", 8 => "eight", _ => "nine" };

    private static string Normalize(string facts) =>
        string.Join("; ", facts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));

    /// <summary>Every field the reader set, as sorted "key=value" pairs.</summary>
    public static string Describe(ApplicantProfile p)
    {
        var facts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                facts.Add($"{key}={value}");
            }
        }

        Add("spec", p.Specialties.Count == 0 ? null : string.Join(',', p.Specialties));
        Add("type", p.ApplicantType);
        Add("visa", p.Visa);
        Add("s1", p.Step1?.Result);
        Add("s1Score", p.Step1?.Score);
        Add("s1Attempts", p.Step1?.Attempts);
        Add("ck", p.Step2ck?.Score);
        Add("ckPassed", p.Step2ck?.Passed);
        Add("ckAttempts", p.Step2ck?.Attempts);
        Add("s3", p.Step3?.Passed);
        Add("s3Score", p.Step3?.Score);
        Add("grad", p.GraduationYear);
        Add("usce", p.Usce?.Months);
        Add("handsOn", p.Usce?.HandsOn);
        Add("ca", p.Usce?.InCalifornia);
        Add("letters", p.Letters?.Us);
        Add("lspec", p.Letters?.InSpecialty);
        Add("lca", p.Letters?.California);
        Add("pubs", p.Research?.Publications);
        Add("langs", p.Languages is null ? null : string.Join(',', p.Languages));
        Add("interviews", p.Interviews);
        return string.Join("; ", facts.Order(StringComparer.Ordinal));
    }
}
