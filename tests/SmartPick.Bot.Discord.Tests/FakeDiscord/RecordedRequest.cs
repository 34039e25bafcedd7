using System.Text.Json;

namespace SmartPick.Bot.Discord.Tests.FakeDiscord;

/// <summary>A REST request the fake received, with any spec or semantic validation errors.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    JsonElement? Body,
    string? FileName,
    string? Authorization,
    string? UserAgent,
    IReadOnlyList<string> Errors);

/// <summary>A scripted 429 for requests whose path contains <paramref name="PathContains"/>.</summary>
public sealed record ScriptedLimit(string PathContains, double RetryAfter, bool Global = false, bool Headerless = false)
{
    public int Remaining { get; set; } = 1;
}
