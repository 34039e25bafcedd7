using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Bot.Knowledge.Answering;
using SmartPick.Bot.Knowledge.Guide;
using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Knowledge.Ai;

/// <summary>
/// LLM answers grounded in retrieved passages and the asking user's own profile. Retrieval always runs first; on
/// any AI failure or timeout the retrieval answer is returned and a warning logged, so users never see an error.
/// When the host registers an <see cref="IRankingAdvisor"/>, the model may also call the ranking library.
/// </summary>
public sealed partial class SemanticGuideAnswerer(
    GuideRetriever retriever,
    GuideChat chat,
    IOptions<KnowledgeOptions> knowledge,
    IOptions<AiOptions> ai,
    TimeProvider time,
    ILogger<SemanticGuideAnswerer> logger,
    IRankingAdvisor? rankingAdvisor = null) : IGuideAnswerer
{
    private const int MaxPassages = 4;
    private const int MaxPassageChars = 1500;
    private const int MaxQuestionChars = 2000;

    public async Task<GuideAnswer> AnswerAsync(string question, ApplicantProfile? profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (Refusals.For(question) is { } refusal)
        {
            // Same explicit refusals as the retrieval answerer, before any text reaches the model.
            return new GuideAnswer(refusal, [], false);
        }

        var retrieval = await retriever.RetrieveAsync(question, cancellationToken);
        var fallback = SectionAnswer.Compose(retrieval, knowledge.Value.MaxCitations);
        var passages = retrieval.Hits.Take(MaxPassages).Where(h => h.Score >= retrieval.Hits[0].Score * 0.3).ToList();
        var profilePlugin = new ProfilePlugin(profile);
        // Bound to this asker's saved profile only; the model picks filters, not whose profile is ranked.
        var rankingPlugin = rankingAdvisor is null ? null : new RankingPlugin(rankingAdvisor, profile);
        var seconds = ai.Value.TimeoutSeconds;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string text;
        try
        {
            var arguments = new KernelArguments
            {
                ["passages"] = FormatPassages(passages),
                ["profile"] = profile is null ? "{}" : ProfileJson.Serialize(profile),
                ["question"] = Delimit(question),
            };
            var plugins = new Dictionary<string, object> { [ProfilePlugin.Name] = profilePlugin };
            if (rankingPlugin is not null)
            {
                plugins[RankingPlugin.Name] = rankingPlugin;
            }

            text = await chat.AnswerAsync(arguments, plugins, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, seconds);
            return fallback;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Type and status only: provider error bodies can echo parts of the API key.
            var status = ex is HttpOperationException http ? (int?)http.StatusCode : null;
            LogFailed(logger, ex.GetType().Name, status);
            return fallback;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            LogEmpty(logger);
            return fallback;
        }

        return Compose(text, passages, profilePlugin.Proposed, rankingPlugin?.Answered == true);
    }

    private GuideAnswer Compose(string text, List<GuideHit> passages, ApplicantProfile? proposed, bool ranked)
    {
        if (text.Contains("does not cover", StringComparison.OrdinalIgnoreCase) && proposed is null)
        {
            return new GuideAnswer(SectionAnswer.NotCovered, [], false);
        }

        var cited = passages.Where(p => text.Contains(p.Section.Reference, StringComparison.Ordinal)).ToList();
        var citations = (cited.Count > 0 ? cited : passages)
            .Take(knowledge.Value.MaxCitations)
            .Select(h => new GuideCitation(h.Section.File, h.Section.Id, h.Section.Heading, h.Score))
            .ToList();

        // Model output is untrusted text: escaped whole, so it can never produce markup or links of its own.
        return new GuideAnswer(Markup.Escape(text.Trim()), citations, passages.Count > 0 || proposed is not null || ranked, proposed);
    }

    private static string FormatPassages(List<GuideHit> passages)
    {
        if (passages.Count == 0)
        {
            return "(no passage matched the question)";
        }

        var sb = new StringBuilder();
        foreach (var hit in passages)
        {
            var s = hit.Section;
            var body = GuideMarkup.ToPlainText(s.Markdown);
            sb.Append("--- [").Append(s.Reference).Append("] ").Append(s.Heading).Append(" (").Append(s.DocumentTitle).Append(") ---\n")
              .Append(body.Length > MaxPassageChars ? body[..MaxPassageChars] + "…" : body)
              .Append("\n\n");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Removes anything that could pose as the prompt's own delimiters and caps the length.</summary>
    internal static string Delimit(string question)
    {
        var q = Markers().Replace(question, "[removed]");
        return q.Length > MaxQuestionChars ? q[..MaxQuestionChars] : q;
    }

    [GeneratedRegex(@"QUESTION\s*(START|END)", RegexOptions.IgnoreCase)]
    private static partial Regex Markers();

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI answer timed out after {Seconds} s; answering from retrieval instead")]
    private static partial void LogTimedOut(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI answer failed ({ErrorType}, HTTP status {Status}); answering from retrieval instead. Check SmartPick:Ai settings.")]
    private static partial void LogFailed(ILogger logger, string errorType, int? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI returned an empty answer; answering from retrieval instead")]
    private static partial void LogEmpty(ILogger logger);
}
