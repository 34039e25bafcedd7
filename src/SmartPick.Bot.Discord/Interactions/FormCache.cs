using System.Collections.Concurrent;
using System.Text.Json;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Hosting;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>
/// Forms offered to a user, so an "open form" button can answer with the modal as its first (and only) response.
/// Kept in memory and in the adapter-state store, so a button rendered before a restart still opens its form after
/// it. A form definition holds labels and example placeholders only, never the user's answers.
/// </summary>
public sealed class FormCache(DiscordStateStore state)
{
    private const int Capacity = 10_000;
    private const string KeyPrefix = "discord:form:";
    private readonly ConcurrentDictionary<string, FormRequest> forms = new(StringComparer.Ordinal);

    public async Task RememberAsync(string userId, FormRequest form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var key = userId + ":" + form.FormId;
        if (forms.TryGetValue(key, out var known) && Same(known, form))
        {
            return;
        }

        if (forms.Count >= Capacity)
        {
            forms.Clear();
        }

        forms[key] = form;
        await state.SetAsync(KeyPrefix + key, JsonSerializer.Serialize(form), cancellationToken);
    }

    public async Task<FormRequest?> FindAsync(string userId, string formId, CancellationToken cancellationToken)
    {
        var key = userId + ":" + formId;
        if (forms.TryGetValue(key, out var form))
        {
            return form;
        }

        var json = await state.GetAsync(KeyPrefix + key, cancellationToken);
        try
        {
            form = json is null ? null : JsonSerializer.Deserialize<FormRequest>(json);
        }
        catch (JsonException)
        {
            return null; // an unreadable entry: the button falls through to the engine as a plain press
        }

        if (form is not null)
        {
            forms[key] = form;
        }

        return form;
    }

    private static bool Same(FormRequest a, FormRequest b) =>
        a.Title == b.Title && a.Fields.SequenceEqual(b.Fields);
}
