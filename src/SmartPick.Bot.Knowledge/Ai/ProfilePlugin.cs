using System.ComponentModel;
using Microsoft.SemanticKernel;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Knowledge.Ai;

/// <summary>
/// Lets the model read the asking user's profile and propose changes to it. One instance per question, holding only
/// that user's profile; proposals are collected in <see cref="Proposed"/> and saved by the engine after the user
/// confirms, never here.
/// </summary>
public sealed class ProfilePlugin(ApplicantProfile? profile)
{
    public const string Name = "profile";

    public ApplicantProfile? Proposed { get; private set; }

    private ApplicantProfile Current => Proposed ?? profile ?? new ApplicantProfile();

    [KernelFunction("get"), Description("Returns the asking applicant's saved profile as JSON.")]
    public string Get() => ProfileJson.Serialize(Current);

    [KernelFunction("propose_update")]
    [Description("Proposes changes to the asking applicant's profile from facts they stated. Nothing is saved until they confirm. Pass only the values they gave.")]
    public string ProposeUpdate(
        [Description("USMLE Step 1 three-digit score, if they had a numeric score")] int? step1Score = null,
        [Description("Step 1 result: Pass, Fail or Score")] Step1Result? step1Result = null,
        [Description("Number of Step 1 attempts")] int? step1Attempts = null,
        [Description("USMLE Step 2 CK score")] int? step2ckScore = null,
        [Description("Number of Step 2 CK attempts")] int? step2ckAttempts = null,
        [Description("Whether Step 3 is passed")] bool? step3Passed = null,
        [Description("Year of medical school graduation, e.g. 2019")] int? graduationYear = null,
        [Description("Visa needed for residency: None, J1 or H1B")] VisaNeed? visa = null)
    {
        var p = Current;
        var step1Given = step1Score is not null || step1Result is not null || step1Attempts is not null;
        var s1 = p.Step1 ?? new Step1Info();
        var s2 = p.Step2ck ?? new Step2Info();
        var updated = p with
        {
            Step1 = step1Given
                ? s1 with { Score = step1Score ?? s1.Score, Result = step1Result ?? (step1Score is not null ? Step1Result.Score : s1.Result), Attempts = step1Attempts ?? s1.Attempts }
                : p.Step1,
            Step2ck = step2ckScore is not null || step2ckAttempts is not null
                ? s2 with { Score = step2ckScore ?? s2.Score, Attempts = step2ckAttempts ?? s2.Attempts }
                : p.Step2ck,
            Step3 = step3Passed is not null ? (p.Step3 ?? new Step3Info()) with { Passed = step3Passed } : p.Step3,
            GraduationYear = graduationYear ?? p.GraduationYear,
            Visa = visa ?? p.Visa,
        };

        var problems = ProfileValidator.Validate(updated);
        if (problems.Count > 0)
        {
            return "Not proposed: " + string.Join("; ", problems);
        }

        Proposed = updated;
        return "Proposed, awaiting the applicant's confirmation: " + ProfileJson.Serialize(updated);
    }
}
