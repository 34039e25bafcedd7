namespace SmartPick.Bot.Core.State;

/// <summary>
/// The choices (buttons) the bot offered in one turn, kept in the conversation state so a press, a typed label or a
/// typed yes/no still works after a restart, and a payload too long for a platform travels as a short token.
/// </summary>
/// <param name="Id">Increases with every turn that offers choices (tokens name it).</param>
/// <param name="Prompt">The text the choices were offered with, sent again when an expired choice is pressed.</param>
public sealed record OfferedChoices(int Id, string Prompt, IReadOnlyList<OfferedChoice> Choices);

/// <param name="Label">Button text; typing it works like pressing the button.</param>
/// <param name="Payload">What pressing it means (any length).</param>
/// <param name="Wire">What the platform carries: <paramref name="Payload"/> when it fits, else a token like "~12.3".</param>
public sealed record OfferedChoice(string Label, string Payload, string Wire);
