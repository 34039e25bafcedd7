using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Guide;

/// <summary>Answers applicant questions from the guide in <c>knowledge/guide</c>, with citations.</summary>
public interface IGuideAnswerer
{
    /// <param name="question">The user's question, verbatim (untrusted text).</param>
    /// <param name="profile">The asking user's own profile, if any; never another user's.</param>
    Task<GuideAnswer> AnswerAsync(string question, ApplicantProfile? profile, CancellationToken cancellationToken);
}

/// <param name="Answer">Answer text in <see cref="Messaging.Markup"/>.</param>
/// <param name="Citations">Sections the answer rests on, best first.</param>
/// <param name="Covered">False when the guide does not cover the question.</param>
/// <param name="ProposedProfile">
/// Set when the user stated facts about themselves in free text (LLM mode only): the asking user's profile with
/// those fields changed. Nothing is saved yet; the engine asks for confirmation before saving it.
/// </param>
public sealed record GuideAnswer(string Answer, IReadOnlyList<GuideCitation> Citations, bool Covered, ApplicantProfile? ProposedProfile = null)
{
    /// <summary>
    /// Set when the question had several parts, each answered on its own; then <see cref="Answer"/> joins the parts,
    /// <see cref="Covered"/> is true when any part is covered and <see cref="Citations"/> is their union.
    /// </summary>
    public IReadOnlyList<GuideAnswerPart>? Parts { get; init; }
}

/// <summary>One part of a multi-part question and its answer (Markup).</summary>
public sealed record GuideAnswerPart(string Question, string Answer, bool Covered, IReadOnlyList<GuideCitation> Citations);

/// <param name="File">Guide file relative to <c>knowledge/</c>, e.g. "guide/letters.md".</param>
/// <param name="Section">Stable section id (the anchor), e.g. "us-letters".</param>
/// <param name="Title">Section heading.</param>
/// <param name="Score">Retrieval score, higher is better.</param>
public sealed record GuideCitation(string File, string Section, string Title, double Score)
{
    public string Reference => $"{File}#{Section}";
}
