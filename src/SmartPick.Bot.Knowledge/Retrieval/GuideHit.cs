using SmartPick.Bot.Knowledge.Guide;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>A retrieved section; <see cref="Score"/> is the negated FTS5 bm25 value (higher is better).</summary>
public sealed record GuideHit(GuideSection Section, double Score);
