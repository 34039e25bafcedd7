using System.Security.Cryptography;
using System.Text;

namespace SmartPick.Bot.Knowledge.Retrieval.Embeddings;

/// <summary>
/// Passage vectors on disk, keyed by the SHA-256 of the passage text, so a restart embeds only passages whose text
/// changed. Derived data: a missing, unreadable or foreign file is ignored and rewritten.
/// </summary>
public static class EmbeddingCache
{
    private const int Magic = 0x534D4531; // "SME1"

    public static string Key(string passage) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passage)));

    public static Dictionary<string, float[]> Load(string? path)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return vectors;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != Magic) return vectors;
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var vector = new float[reader.ReadInt32()];
                for (var j = 0; j < vector.Length; j++) vector[j] = reader.ReadSingle();
                vectors[key] = vector;
            }
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or UnauthorizedAccessException)
        {
            vectors.Clear();
        }

        return vectors;
    }

    /// <summary>Writes the vectors (best effort: a read-only disk only costs the next start its embedding time).</summary>
    public static bool TrySave(string? path, IReadOnlyDictionary<string, float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (string.IsNullOrEmpty(path)) return false;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temp = path + ".tmp";
            using (var writer = new BinaryWriter(File.Create(temp)))
            {
                writer.Write(Magic);
                writer.Write(vectors.Count);
                foreach (var (key, vector) in vectors)
                {
                    writer.Write(key);
                    writer.Write(vector.Length);
                    foreach (var v in vector) writer.Write(v);
                }
            }

            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
