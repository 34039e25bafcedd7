namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// The ranking's knobs in one place. <see cref="Default"/> is what production uses; a change was accepted only when
/// it helped the tuning half of the evaluation set and did not hurt the held-out half (see
/// <c>RankingVariantsTests</c>). Adopted: phrase paraphrases, title share 0.3 -> 0.5. Internal so the tests can
/// compare the default with the weights it replaced on one index.
/// </summary>
internal sealed record RankingWeights
{
    public static RankingWeights Default { get; } = new();

    /// <summary>FTS5 bm25 column weights: title, heading, sub-headings, body.</summary>
    public double Bm25Title { get; init; } = 2.0;

    public double Bm25Heading { get; init; } = 4.0;

    public double Bm25Subheads { get; init; } = 2.0;

    public double Bm25Body { get; init; } = 1.0;

    /// <summary>Re-rank: IDF-weighted share of the question's words in the heading, title and whole section.</summary>
    public double HeadingShare { get; init; } = 1.2;

    public double TitleShare { get; init; } = 0.5;

    public double BodyShare { get; init; } = 0.4;

    /// <summary>Query-side phrase paraphrases ("number one" -> "rank first").</summary>
    public bool Phrases { get; init; } = true;

    public string Bm25Expression => FormattableString.Invariant(
        $"bm25(guide_fts, {Bm25Title:0.###}, {Bm25Heading:0.###}, {Bm25Subheads:0.###}, {Bm25Body:0.###})");
}
