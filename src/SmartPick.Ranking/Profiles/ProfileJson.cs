using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPick.Ranking.Profiles;

/// <summary>The one JSON form of a profile, shared by the CLI (<c>--profile</c>), <c>/export</c> and storage.</summary>
public static class ProfileJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(ApplicantProfile profile, bool indented = false) =>
        JsonSerializer.Serialize(profile, indented ? IndentedOptions : Options);

    /// <summary>Parses a profile; throws <see cref="ProfileFormatException"/> with a one-line reason on bad input.</summary>
    public static ApplicantProfile Deserialize(string json)
    {
        ApplicantProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<ApplicantProfile>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
            throw new ProfileFormatException($"profile is not valid JSON{where}: {FirstLine(ex.Message)}", ex);
        }

        if (profile is null)
        {
            throw new ProfileFormatException("profile JSON is empty (null)");
        }

        var problems = ProfileValidator.Validate(profile);
        if (problems.Count > 0)
        {
            throw new ProfileFormatException(string.Join("; ", problems));
        }

        return profile;
    }

    private static JsonSerializerOptions IndentedOptions { get; } = new(CreateOptions()) { WriteIndented = true };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}

/// <summary>A profile file or text that cannot be used; the message is one line meant for the user.</summary>
public sealed class ProfileFormatException : Exception
{
    public ProfileFormatException()
    {
    }

    public ProfileFormatException(string message)
        : base(message)
    {
    }

    public ProfileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
