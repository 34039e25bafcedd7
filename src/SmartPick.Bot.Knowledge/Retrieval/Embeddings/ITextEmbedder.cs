namespace SmartPick.Bot.Knowledge.Retrieval.Embeddings;

/// <summary>Turns texts into unit-length sentence vectors (cosine similarity = dot product).</summary>
public interface ITextEmbedder
{
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
