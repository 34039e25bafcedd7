using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartPick.Bot.Discord.Tests.Support;

/// <summary>Checks the spec cannot express (protocol notes §9.4): cross-field limits, unknown fields, component rules.</summary>
public static partial class DiscordSemanticRules
{
    private static readonly int[] AllowedFlags = [4, 64, 4096, 8192, 32768];

    public static List<string> CheckMessage(JsonElement body, string schemaName, bool hasFile = false)
    {
        var errors = new List<string>();
        var known = DiscordSpec.PropertiesOf(schemaName);
        errors.AddRange(body.EnumerateObject().Where(p => !known.Contains(p.Name)).Select(p => $"unknown field '{p.Name}' for {schemaName}"));
        var content = Str(body, "content");
        if (content is { Length: > 2000 })
        {
            errors.Add("content over 2000 characters");
        }

        var embeds = Arr(body, "embeds");
        var components = Arr(body, "components");
        if (string.IsNullOrEmpty(content) && embeds.Count == 0 && components.Count == 0 && !hasFile)
        {
            errors.Add("empty message");
        }

        var total = 0;
        foreach (var e in embeds)
        {
            total += Len(e, "title") + Len(e, "description");
            total += Arr(e, "fields").Sum(f => Len(f, "name") + Len(f, "value"));
            total += e.TryGetProperty("footer", out var footer) ? Len(footer, "text") : 0;
            total += e.TryGetProperty("author", out var author) ? Len(author, "name") : 0;
            if (e.TryGetProperty("provider", out _) || e.TryGetProperty("video", out _))
            {
                errors.Add("embed with provider/video");
            }
        }

        if (total > 6000)
        {
            errors.Add($"embed total {total} over 6000");
        }

        if (body.TryGetProperty("flags", out var flags) && flags.ValueKind == JsonValueKind.Number && (flags.GetInt32() & ~AllowedFlags.Sum()) != 0)
        {
            errors.Add("flags outside the allowed set");
        }

        errors.AddRange(CheckComponents(components, maxRows: 5));
        return errors;
    }

    public static List<string> CheckCallback(JsonElement callback, bool hasFile)
    {
        var type = callback.GetProperty("type").GetInt32();
        var data = callback.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return type switch
        {
            4 or 7 => CheckMessage(data, type == 4 ? "IncomingWebhookInteractionRequest" : "IncomingWebhookUpdateForInteractionCallbackRequestPartial", hasFile),
            5 => data.ValueKind == JsonValueKind.Object && data.TryGetProperty("flags", out var f) && f.ValueKind == JsonValueKind.Number && f.GetInt32() != 64
                ? ["type 5 allows only flag 64"] : [],
            9 => Arr(data, "components").Count is < 1 or > 5 ? ["modal needs 1-5 components"] : CheckComponents(Arr(data, "components"), 5),
            8 => Arr(data, "choices").Count > 25 ? ["more than 25 choices"] : [],
            _ => [],
        };
    }

    public static List<string> CheckCommands(JsonElement commands)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in commands.EnumerateArray())
        {
            var name = Str(c, "name") ?? string.Empty;
            CheckName(name, errors);
            if (!names.Add(name))
            {
                errors.Add($"duplicate command {name}");
            }

            if (Len(c, "description") is < 1 or > 100)
            {
                errors.Add($"{name}: description must be 1-100");
            }

            var seenOptional = false;
            foreach (var o in Arr(c, "options"))
            {
                CheckName(Str(o, "name") ?? string.Empty, errors);
                var required = o.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
                if (required && seenOptional)
                {
                    errors.Add($"{name}: required option after an optional one");
                }

                seenOptional |= !required;
                var auto = o.TryGetProperty("autocomplete", out var a) && a.ValueKind == JsonValueKind.True;
                var choices = Arr(o, "choices");
                if (auto && choices.Count > 0)
                {
                    errors.Add($"{name}: autocomplete with choices");
                }

                errors.AddRange(choices.Where(ch => ch.GetProperty("value").ValueKind == JsonValueKind.String && Len(ch, "value") > 100).Select(_ => "choice value over 100"));
            }
        }

        return errors;
    }

    private static List<string> CheckComponents(List<JsonElement> rows, int maxRows)
    {
        var errors = new List<string>();
        if (rows.Count > maxRows)
        {
            errors.Add($"more than {maxRows} top-level components");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var type = row.GetProperty("type").GetInt32();
            if (type == 18)
            {
                Track(row.GetProperty("component"), ids, errors);
                continue;
            }

            var items = Arr(row, "components");
            var buttons = items.Count(i => i.GetProperty("type").GetInt32() == 2);
            var selects = items.Count - buttons;
            if (!((buttons is >= 1 and <= 5 && selects == 0) || (selects == 1 && buttons == 0)))
            {
                errors.Add("a row holds 1-5 buttons or exactly one select");
            }

            foreach (var item in items)
            {
                if (item.GetProperty("type").GetInt32() == 2)
                {
                    var style = item.GetProperty("style").GetInt32();
                    var hasId = item.TryGetProperty("custom_id", out _);
                    var hasUrl = item.TryGetProperty("url", out _);
                    if ((style is >= 1 and <= 4 && (!hasId || hasUrl)) || (style == 5 && (hasId || !hasUrl)))
                    {
                        errors.Add("button custom_id/url does not match its style");
                    }
                }

                Track(item, ids, errors);
            }
        }

        return errors;
    }

    private static void Track(JsonElement item, HashSet<string> ids, List<string> errors)
    {
        if (Str(item, "custom_id") is { } id && !ids.Add(id))
        {
            errors.Add($"duplicate custom_id {id}");
        }
    }

    private static void CheckName(string name, List<string> errors)
    {
        if (!NameRegex().IsMatch(name) || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            errors.Add($"invalid name '{name}'");
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Len(JsonElement e, string name) => Str(e, name)?.Length ?? 0;

    private static List<JsonElement> Arr(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [];

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NameRegex();
}
