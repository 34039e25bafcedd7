using System.Text.Json;
using System.Text.Json.Nodes;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>
/// Profile values read from free text ("I got 238 on CK, need a J-1") wait here for a yes before they are saved.
/// A proposal is stored as the changed values only (a JSON patch of set fields), and applied to the profile as it is
/// when the user confirms, so nothing else the user changed meanwhile is overwritten, and a proposal can never clear
/// what the user told us.
/// </summary>
public static class ProfileProposal
{
    public const string ConfirmPayload = "proposal:yes";
    public const string DiscardPayload = "proposal:no";

    /// <summary>The changed values as stored JSON, or null when the proposal is invalid or changes nothing.</summary>
    public static string? Prepare(ApplicantProfile current, ApplicantProfile proposed)
    {
        var patch = Diff(ToNode(current), ToNode(proposed));
        if (patch is null)
        {
            return null;
        }

        var merged = Apply(current, patch.ToJsonString());
        var problems = ProfileValidator.Validate(merged with { Specialties = merged.Specialties.Count == 0 ? ["unset"] : merged.Specialties });
        return problems.Count == 0 && Changes(current, merged).Count > 0 ? patch.ToJsonString() : null;
    }

    /// <summary>The profile with the stored changes applied.</summary>
    public static ApplicantProfile Apply(ApplicantProfile profile, string patch)
    {
        var target = ToNode(profile);
        Merge(target, JsonNode.Parse(patch)!.AsObject());
        return target.Deserialize<ApplicantProfile>(ProfileJson.Options) ?? profile;
    }

    /// <summary>"- Label: old → new" lines for each field the proposal sets or changes.</summary>
    public static IReadOnlyList<string> Changes(ApplicantProfile current, ApplicantProfile proposed) =>
        IntakeTable.Fields
            .Select(s => (Step: s, Old: s.Show(current), New: s.Show(proposed)))
            .Where(x => x.New is not null && x.New != x.Old)
            .Select(x => $"- {x.Step.Label}: {Markup.Escape(x.Old ?? "not reported")} → **{Markup.Escape(x.New!)}**")
            .ToList();

    public static Reply Ask(ApplicantProfile current, string patch, IReadOnlyList<string>? notes = null) =>
        Reply.Private("I read this from your message:\n" + string.Join('\n', Changes(current, Apply(current, patch)))
            + (notes is { Count: > 0 } ? "\n\n" + string.Join(' ', notes) : string.Empty) + "\n\nSave it to your profile? (_yes_ / _no_)") with
        {
            Choices = [new Choice("Yes, save", ConfirmPayload), new Choice("No, discard", DiscardPayload)],
        };

    private static JsonObject ToNode(ApplicantProfile profile) => JsonSerializer.SerializeToNode(profile, ProfileJson.Options)!.AsObject();

    /// <summary>Values set in <paramref name="proposed"/> that differ from <paramref name="current"/>; objects recurse, arrays and scalars replace.</summary>
    private static JsonObject? Diff(JsonObject current, JsonObject proposed)
    {
        var patch = new JsonObject();
        foreach (var (name, value) in proposed)
        {
            if (value is null || value is JsonArray { Count: 0 })
            {
                continue;
            }

            var before = current[name];
            if (value is JsonObject obj && before is JsonObject beforeObj)
            {
                if (Diff(beforeObj, obj) is { } inner)
                {
                    patch[name] = inner;
                }
            }
            else if (!JsonNode.DeepEquals(before, value))
            {
                patch[name] = value.DeepClone();
            }
        }

        return patch.Count == 0 ? null : patch;
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is JsonObject obj && target[name] is JsonObject existing)
            {
                Merge(existing, obj);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }
}
