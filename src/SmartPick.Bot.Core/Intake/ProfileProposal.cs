using System.Text.Json;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>
/// Profile values read from free text ("I got 238 on CK, need a J-1") wait here for a yes before they are saved.
/// Only fields that gain a value count; a proposal can never clear what the user told us.
/// </summary>
public static class ProfileProposal
{
    public const string ConfirmPayload = "proposal:yes";
    public const string DiscardPayload = "proposal:no";

    /// <summary>"- Label: old → new" lines for each field the proposal sets or changes.</summary>
    public static IReadOnlyList<string> Changes(ApplicantProfile current, ApplicantProfile proposed) =>
        IntakeTable.Steps
            .Select(s => (Step: s, Old: s.Show(current), New: s.Show(proposed)))
            .Where(x => x.New is not null && x.New != x.Old)
            .Select(x => $"- {x.Step.Label}: {Markup.Escape(x.Old ?? "not reported")} → **{Markup.Escape(x.New!)}**")
            .ToList();

    /// <summary>Returns the proposal as stored JSON when it is valid and changes something, else null.</summary>
    public static string? Prepare(ApplicantProfile current, ApplicantProfile proposed)
    {
        var merged = proposed with { Specialties = proposed.Specialties.Count == 0 ? current.Specialties : proposed.Specialties };
        var problems = ProfileValidator.Validate(merged with { Specialties = merged.Specialties.Count == 0 ? ["unset"] : merged.Specialties });
        return problems.Count == 0 && Changes(current, merged).Count > 0 ? JsonSerializer.Serialize(merged, ProfileJson.Options) : null;
    }

    public static ApplicantProfile Read(string json) => JsonSerializer.Deserialize<ApplicantProfile>(json, ProfileJson.Options) ?? new ApplicantProfile();

    public static Reply Ask(ApplicantProfile current, ApplicantProfile proposed) =>
        Reply.Private("I picked up these details from your message:\n" + string.Join('\n', Changes(current, proposed)) + "\n\nSave them to your profile?") with
        {
            Choices = [new Choice("Yes, save", ConfirmPayload), new Choice("No, discard", DiscardPayload)],
        };
}
