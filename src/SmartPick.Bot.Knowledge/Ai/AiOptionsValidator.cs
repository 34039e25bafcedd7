using Microsoft.Extensions.Options;

namespace SmartPick.Bot.Knowledge.Ai;

/// <summary>Cross-field rules, checked at start so a misconfiguration names the setting to fix.</summary>
public sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var provider = options.Provider;
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"SmartPick:Ai:Model is required when SmartPick:Ai:Provider is {provider} (the model id; for Azure the deployment name).");
        }

        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add("SmartPick:Ai:Endpoint must be an absolute http(s) URL such as http://localhost:11434/v1.");
        }

        if (provider == AiProvider.AzureOpenAI && options.Endpoint is null)
        {
            failures.Add("SmartPick:Ai:Endpoint is required when SmartPick:Ai:Provider is AzureOpenAI (https://RESOURCE.openai.azure.com/openai/v1/).");
        }

        if (provider is AiProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("SmartPick:Ai:ApiKey is required when SmartPick:Ai:Provider is AzureOpenAI (set SmartPick__Ai__ApiKey).");
        }

        if (provider is AiProvider.OpenAI && options.Endpoint is null && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("SmartPick:Ai:ApiKey is required when SmartPick:Ai:Provider is OpenAI without an Endpoint (set SmartPick__Ai__ApiKey).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
