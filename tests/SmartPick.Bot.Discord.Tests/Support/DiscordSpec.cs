using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SmartPick.Bot.Discord.Tests.Support;

/// <summary>
/// Validates request bodies against Discord's OpenAPI spec (shared/spec/discord-openapi.json) with JsonSchema.Net:
/// components.schemas are copied into $defs with rewritten $refs, one root per checked shape, built once and cached.
/// </summary>
public static class DiscordSpec
{
    private const string Prefix = "#/components/schemas/";
    private static readonly Lazy<JsonObject> Defs = new(LoadDefs);
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new(StringComparer.Ordinal);

    public static string SpecPath { get; } = FindSpec();

    /// <summary>Validates <paramref name="instance"/> against <c>#/components/schemas/{name}</c>; returns error lines.</summary>
    public static IReadOnlyList<string> Validate(string name, JsonElement instance) =>
        Evaluate(name, () => new JsonObject { ["$ref"] = "#/$defs/" + name }, instance);

    /// <summary>Validates an array body whose items are <paramref name="itemName"/> (bulk command overwrite).</summary>
    public static IReadOnlyList<string> ValidateArray(string itemName, int maxItems, JsonElement instance) =>
        Evaluate("array-" + itemName, () => new JsonObject
        {
            ["type"] = "array",
            ["maxItems"] = maxItems,
            ["items"] = new JsonObject { ["$ref"] = "#/$defs/" + itemName },
        }, instance);

    /// <summary>Property names the schema declares (the spec is open, so unknown fields need this check).</summary>
    public static IReadOnlySet<string> PropertiesOf(string name) =>
        Defs.Value[name]?["properties"] is JsonObject props ? props.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    private static List<string> Evaluate(string key, Func<JsonObject> shape, JsonElement instance)
    {
        var schema = Cache.GetOrAdd(key, _ =>
        {
            var id = "urn:smartpick:discord:" + key;
            var root = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = id,
                ["$defs"] = Defs.Value.DeepClone(),
            };
            foreach (var (name, value) in shape())
            {
                root[name] = value?.DeepClone();
            }

            return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri(id));
        });
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .DefaultIfEmpty("invalid (no detail)")
            .Take(20)
            .ToList();
    }

    private static JsonObject LoadDefs()
    {
        var spec = JsonNode.Parse(File.ReadAllText(SpecPath))!.AsObject();
        var defs = spec["components"]!["schemas"]!.DeepClone().AsObject();
        Rewrite(defs);

        // Spec–docs mismatch: default_member_permissions is a string of digits in the docs.
        foreach (var name in new[] { "ApplicationCommandCreateRequest", "ApplicationCommandUpdateRequest", "ApplicationCommandPatchRequestPartial" })
        {
            if (defs[name]?["properties"] is JsonObject props && props.ContainsKey("default_member_permissions"))
            {
                props["default_member_permissions"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["pattern"] = "^[0-9]+$" };
            }
        }

        return defs;
    }

    private static void Rewrite(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            if (o["$ref"] is JsonValue v && v.TryGetValue(out string? r) && r.StartsWith(Prefix, StringComparison.Ordinal))
            {
                o["$ref"] = "#/$defs/" + r[Prefix.Length..];
            }

            foreach (var child in o.Select(p => p.Value).ToList())
            {
                Rewrite(child);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                Rewrite(child);
            }
        }
    }

    private static string FindSpec()
    {
        // A copy ships with the tests (CI clones only this repository); the hash test pins it to shared/spec.
        var bundled = Path.Combine(AppContext.BaseDirectory, "Spec", "discord-openapi.json");
        if (File.Exists(bundled))
        {
            return bundled;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "spec", "discord-openapi.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/spec/discord-openapi.json not found above the test directory.");
    }
}
