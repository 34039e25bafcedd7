using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SmartPick.Bot.Knowledge.Guide;
using SmartPick.Bot.Knowledge.Retrieval.Embeddings;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// SQLite FTS5 index of guide sections (porter + unicode61 tokenizer, bm25 ranking with heading boosts). One
/// long-lived connection guarded by a semaphore: SQLite connections are not thread-safe and queries take
/// milliseconds, so a pool would buy nothing.
/// </summary>
public sealed partial class GuideIndex : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private GuideIndex(SqliteConnection connection, IReadOnlyList<GuideSection> sections)
    {
        _connection = connection;
        Sections = sections;
        Corpus = new CorpusStatistics(sections);
    }

    public IReadOnlyList<GuideSection> Sections { get; }

    public CorpusStatistics Corpus { get; }

    private volatile SectionEmbeddings? _embeddings;

    /// <summary>
    /// Section vectors for semantic re-ranking; null until they are ready (and always when
    /// <c>SmartPick:Knowledge:Embeddings</c> is off). Until then questions are answered by BM25 alone.
    /// </summary>
    public SectionEmbeddings? Embeddings => _embeddings;

    /// <summary>Embeds every section (cached passages are reused) and switches re-ranking on.</summary>
    public SectionEmbeddings AttachEmbeddings(ITextEmbedder embedder, IDictionary<string, float[]> cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var embeddings = SectionEmbeddings.Build(Sections, embedder, cache, cancellationToken);
        // Loads the model now (when every passage came from the cache it is not loaded yet), not on a user's question.
        embeddings.EmbedQuestion("residency application", cancellationToken);
        _embeddings = embeddings;
        return embeddings;
    }

    /// <summary>Creates (or re-creates) the FTS table and loads every section.</summary>
    public static async Task<GuideIndex> BuildAsync(IReadOnlyList<GuideSection> sections, string connectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using (var ddl = connection.CreateCommand())
            {
                ddl.CommandText = """
                    DROP TABLE IF EXISTS guide_fts;
                    CREATE VIRTUAL TABLE guide_fts USING fts5(title, heading, subheads, body, tokenize='porter unicode61');
                    """;
                await ddl.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO guide_fts(rowid, title, heading, subheads, body) VALUES ($id, $title, $heading, $subheads, $body)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var heading = insert.Parameters.Add("$heading", SqliteType.Text);
            var subheads = insert.Parameters.Add("$subheads", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            for (var i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                id.Value = i + 1;
                title.Value = TextAnalyzer.Normalize(s.DocumentTitle);
                heading.Value = TextAnalyzer.Normalize(s.Heading);
                // The section's {#id} is a short summary its author chose ("performing-on-rotation", "overview"), often
                // in the words people ask with, and as stable as the citation; it is searched like a sub-heading.
                subheads.Value = TextAnalyzer.Normalize(string.Join('\n', SubHeading().Matches(s.Markdown).Select(m => m.Groups[1].Value).Append(s.Id.Replace('-', ' '))));
                body.Value = TextAnalyzer.Normalize(GuideMarkup.ToPlainText(s.Markdown));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            return new GuideIndex(connection, sections);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Best sections for the query, best first; empty when no term matches.</summary>
    public Task<IReadOnlyList<GuideHit>> SearchAsync(GuideQuery query, int limit, CancellationToken cancellationToken) =>
        SearchAsync(query, limit, RankingWeights.Default.Bm25Expression, cancellationToken);

    /// <param name="bm25">The ranking expression, e.g. <c>bm25(guide_fts, 2, 4, 2, 1)</c> (column weights: title, heading, sub-headings, body).</param>
    internal async Task<IReadOnlyList<GuideHit>> SearchAsync(GuideQuery query, int limit, string bm25, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Terms.Count == 0)
        {
            return [];
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT rowid, {bm25} FROM guide_fts WHERE guide_fts MATCH $q ORDER BY 2 LIMIT $limit";
            cmd.Parameters.AddWithValue("$q", query.ToMatchExpression());
            cmd.Parameters.AddWithValue("$limit", limit);
            var hits = new List<GuideHit>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = reader.GetInt64(0);
                var score = -reader.GetDouble(1);
                hits.Add(new GuideHit(Sections[(int)row - 1], Math.Round(score, 4, MidpointRounding.AwayFromZero)));
            }

            return hits;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"GuideIndex({Sections.Count} sections)");

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    [GeneratedRegex(@"^#{3,6}\s+(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex SubHeading();
}
