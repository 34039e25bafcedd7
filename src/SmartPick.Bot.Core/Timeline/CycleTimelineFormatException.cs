namespace SmartPick.Bot.Core.Timeline;

/// <summary>A row of the timeline file is malformed; the message names the file, row and column.</summary>
public sealed class CycleTimelineFormatException(string message) : FormatException(message);
