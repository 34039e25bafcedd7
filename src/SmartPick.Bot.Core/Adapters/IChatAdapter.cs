namespace SmartPick.Bot.Core.Adapters;

/// <summary>
/// Registered (as a singleton) by every platform adapter that is enabled by configuration. The host starts the
/// console chat only when none is registered.
/// </summary>
public interface IChatAdapter
{
    /// <summary>"telegram", "discord", ...</summary>
    string Platform { get; }
}
