using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SmartPick.Bot.Telegram.Configuration;

/// <summary>Checks what data annotations cannot; messages name the setting, never its secret value.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    private const string Prefix = TelegramOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (!TokenPattern().IsMatch(options.Token ?? string.Empty))
        {
            failures.Add($"{Prefix}Token must look like '123456789:ABC...' (numeric bot id, a colon, the secret).");
        }

        if (!IsServerRoot(options.ApiBaseUrl))
        {
            failures.Add($"{Prefix}ApiBaseUrl must be an absolute http(s) URL without a path, e.g. https://api.telegram.org.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(options.Webhook.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add($"{Prefix}Webhook:Url must be an absolute https URL in webhook mode.");
            }

            if (!SecretPattern().IsMatch(options.Webhook.SecretToken ?? string.Empty))
            {
                failures.Add($"{Prefix}Webhook:SecretToken is required in webhook mode: 1-256 characters of A-Z, a-z, 0-9, _ and -.");
            }

            // Nested options are not covered by ValidateDataAnnotations.
            var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options.Webhook, new(options.Webhook), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{Prefix}Webhook:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Telegram.Bot keeps only scheme://host:port of the base URL and silently drops a path, so reject one.
    private static bool IsServerRoot(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    [GeneratedRegex("^[0-9]{1,16}:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
