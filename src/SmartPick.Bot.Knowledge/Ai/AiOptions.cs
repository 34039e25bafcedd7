using System.ComponentModel.DataAnnotations;

namespace SmartPick.Bot.Knowledge.Ai;

/// <summary>Which LLM (if any) writes guide answers (section <c>SmartPick:Ai</c>). Default: none, retrieval only.</summary>
public sealed class AiOptions
{
    public const string SectionName = "SmartPick:Ai";

    public AiProvider Provider { get; set; } = AiProvider.None;

    /// <summary>
    /// OpenAI-compatible base URL including <c>/v1</c> (Azure: <c>https://RESOURCE.openai.azure.com/openai/v1/</c>;
    /// Ollama default <c>http://localhost:11434/v1</c>). Optional for OpenAI.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model id (Azure: the deployment name).</summary>
    public string? Model { get; set; }

    /// <summary>Secret; comes from the environment (<c>SmartPick__Ai__ApiKey</c>), never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Per-request timeout; on expiry the answer falls back to retrieval.</summary>
    [Range(1, 600, ErrorMessage = "SmartPick:Ai:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => Provider != AiProvider.None;

    public static Uri OllamaDefaultEndpoint { get; } = new("http://localhost:11434/v1");

    /// <summary>Keeps the key out of any accidental ToString logging.</summary>
    public override string ToString() => $"Provider={Provider}, Endpoint={Endpoint}, Model={Model}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "unset" : "set")}";
}

public enum AiProvider
{
    None,
    OpenAI,
    AzureOpenAI,
    Ollama,
}
