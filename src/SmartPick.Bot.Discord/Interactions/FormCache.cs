using System.Collections.Concurrent;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>
/// Forms offered to a user, so an "open form" button can answer with the modal as its first (and only) response.
/// In memory: after a restart the button falls through to the engine as a plain button press.
/// </summary>
public sealed class FormCache
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, FormRequest> forms = new(StringComparer.Ordinal);

    public void Remember(string userId, FormRequest form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (forms.Count >= Capacity)
        {
            forms.Clear();
        }

        forms[userId + ":" + form.FormId] = form;
    }

    public FormRequest? Find(string userId, string formId) => forms.GetValueOrDefault(userId + ":" + formId);
}
