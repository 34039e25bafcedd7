namespace SmartPick.Bot.Core.State;

/// <summary>
/// Refusing counters over a sliding window (at most <c>limit</c> takes per key in any <c>window</c>), for limits that
/// drop work instead of queueing it: <see cref="ISendBudget"/> never refuses, this does. Registered by storage that
/// instances share (PostgreSQL), so k instances together allow the limit once; without it each process counts alone
/// (<see cref="InProcessRateWindows"/>). A refused take is not counted.
/// </summary>
public interface IRateWindows
{
    /// <summary>
    /// Takes one from <paramref name="key"/>'s window when fewer than <paramref name="limit"/> were taken in the last
    /// <paramref name="window"/>; otherwise refuses, saying whether this is the first refusal in the last window (so a caller
    /// can explain once and then stay silent) and how long until a take would succeed. <paramref name="limit"/> is at least 1.
    /// </summary>
    Task<WindowTake> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>What one take got.</summary>
public enum WindowOutcome
{
    /// <summary>Counted: under the limit.</summary>
    Taken,

    /// <summary>Refused; the first refusal for this key in the last window.</summary>
    Refused,

    /// <summary>Refused again within a window of an earlier refusal.</summary>
    RefusedAgain,
}

/// <summary>The outcome of a take and, when refused, the time until the oldest counted take leaves the window.</summary>
public readonly record struct WindowTake(WindowOutcome Outcome, TimeSpan Wait);
