namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// The ranking's knobs in one place. <see cref="Default"/> is what production uses; a change was accepted only when
/// it helped the tuning half of the evaluation set and did not hurt the held-out half (see
/// <c>RankingVariantsTests</c>). Adopted: phrase paraphrases, title share 0.3 -> 0.5. Measured and left off (no gain
/// on the tuning half, or a loss on the held-out half): passage share, sibling share, question cues, word families,
/// known-words-only shares, long-query focus. Internal so the tests can compare variants on one index.
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

    /// <summary>
    /// Re-rank: share of the question's words found together in one sentence or list item of the section (or its
    /// heading): rewards sections where the words answer the question side by side, not scattered.
    /// </summary>
    public double PassageShare { get; init; }

    /// <summary>
    /// Re-rank: share of the question's words weighted by how distinctive they are among the sections of the same
    /// file, so siblings that share a topic are told apart by the words only one of them uses.
    /// </summary>
    public double SiblingShare { get; init; }

    /// <summary>Re-rank shares count only words the guide uses (unknown words cannot tell sections apart).</summary>
    public bool RankKnownWordsOnly { get; init; }

    /// <summary>
    /// Long messages: search and rank with at most this many of the guide's words, the most specific first (0 = all).
    /// </summary>
    public int MaxRankingTerms { get; init; }

    /// <summary>Re-rank bonus when the heading asks the same kind of question ("why", "how many", "how to"...).</summary>
    public double QuestionCue { get; init; }

    /// <summary>Re-rank shares match a question word's whole word family in the guide (sponsor ~ sponsorship).</summary>
    public bool WordFamilies { get; init; }

    /// <summary>Query-side phrase paraphrases ("number one" -> "rank first").</summary>
    public bool Phrases { get; init; } = true;

    /// <summary>Weight of a word found only through a synonym, relative to the word itself.</summary>
    public double ExpansionCredit { get; init; } = 1.0;

    public string Bm25Expression => FormattableString.Invariant(
        $"bm25(guide_fts, {Bm25Title:0.###}, {Bm25Heading:0.###}, {Bm25Subheads:0.###}, {Bm25Body:0.###})");
}
