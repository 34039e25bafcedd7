namespace SmartPick.Bot.Http;

/// <summary>The HTTP front door (section <c>SmartPick:Http</c>); off unless <see cref="Urls"/> is set.</summary>
public sealed class HttpOptions
{
    public const string SectionName = "SmartPick:Http";

    /// <summary>Kestrel addresses separated by ';', e.g. <c>http://0.0.0.0:8080</c> (TLS belongs to a reverse proxy).</summary>
    public string? Urls { get; set; }

    public static bool IsEnabled(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[SectionName + ":" + nameof(Urls)]);
}
