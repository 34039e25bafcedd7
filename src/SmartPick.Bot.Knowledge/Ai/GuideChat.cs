using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace SmartPick.Bot.Knowledge.Ai;

/// <summary>
/// The Semantic Kernel side: one OpenAI-compatible chat service (OpenAI, Azure OpenAI v1 endpoint, Ollama or any
/// compatible server) and the <c>Guide/Answer</c> prompt function from the prompt directory. A fresh
/// <see cref="Kernel"/> per question carries that question's plugins.
/// </summary>
public sealed class GuideChat : IDisposable
{
    private readonly HttpClient _http;
    private readonly IChatCompletionService _chat;
    private readonly KernelFunction _answer;
    private readonly ILoggerFactory _loggerFactory;

    public GuideChat(IOptions<AiOptions> ai, IOptions<KnowledgeOptions> knowledge, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(ai);
        ArgumentNullException.ThrowIfNull(knowledge);
        var o = ai.Value;

        // The answerer enforces TimeoutSeconds with its own token, so the client itself never times out first.
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _loggerFactory = loggerFactory;
        var model = o.Model ?? throw new InvalidOperationException("SmartPick:Ai:Model is required.");
        var endpoint = o.Provider == AiProvider.Ollama ? o.Endpoint ?? AiOptions.OllamaDefaultEndpoint : o.Endpoint;
        var key = string.IsNullOrEmpty(o.ApiKey) ? "unused" : o.ApiKey;
        _chat = endpoint is null
            ? new OpenAIChatCompletionService(model, key, httpClient: _http, loggerFactory: loggerFactory)
            : new OpenAIChatCompletionService(model, endpoint, key, httpClient: _http, loggerFactory: loggerFactory);
        _answer = LoadPrompt(Path.Combine(knowledge.Value.ResolvePromptsPath(), "Guide", "Answer"));
    }

    /// <summary>Runs the answer prompt with automatic function calling over <paramref name="plugins"/>.</summary>
    public async Task<string> AnswerAsync(KernelArguments arguments, IReadOnlyDictionary<string, object> plugins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(_chat);
        builder.Services.AddSingleton(_loggerFactory);
        foreach (var (name, plugin) in plugins)
        {
            builder.Plugins.AddFromObject(plugin, name);
        }

        var kernel = builder.Build();
        var result = await kernel.InvokeAsync(_answer, arguments, cancellationToken);
        return result.GetValue<string>() ?? string.Empty;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Reads <c>skprompt.txt</c> + <c>config.json</c> (the standard prompt-directory layout).</summary>
    public static KernelFunction LoadPrompt(string directory)
    {
        var configPath = Path.Combine(directory, "config.json");
        var templatePath = Path.Combine(directory, "skprompt.txt");
        if (!File.Exists(configPath) || !File.Exists(templatePath))
        {
            throw new FileNotFoundException($"Prompt directory {directory} needs skprompt.txt and config.json; check SmartPick:Knowledge:PromptsPath.");
        }

        var config = PromptTemplateConfig.FromJson(File.ReadAllText(configPath));
        config.Template = File.ReadAllText(templatePath);
        config.Name ??= Path.GetFileName(directory);
        return KernelFunctionFactory.CreateFromPrompt(config);
    }
}
