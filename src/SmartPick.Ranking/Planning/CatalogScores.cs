using System.Buffers;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Ranking.Planning;

/// <summary>
/// Per-program numbers of one rank call in pooled arrays (no allocation that grows with the catalog) and two orders,
/// both eligible first and never by ACGME ID (it encodes the state): the plan's greedy order by exact interview chance
/// (ties by name and city), and the display order by the chance rounded to the shown 1 point, then preferred region,
/// then name and city.
/// </summary>
internal sealed class CatalogScores
{
    private const byte Excluded = 1, IsIneligible = 2, IsPreferred = 4;
    private double[] _eta = [];
    private double[] _shown = [];
    private byte[] _flags = [];
    private int _count;

    public static CatalogScores Rent(int count) => new()
    {
        _eta = ArrayPool<double>.Shared.Rent(count),
        _shown = ArrayPool<double>.Shared.Rent(count),
        _flags = ArrayPool<byte>.Shared.Rent(count),
        _count = count,
    };

    public void Exclude(int i) => _flags[i] = Excluded;

    public void Set(int i, double eta, double shown, bool ineligible, bool preferred)
    {
        _eta[i] = eta;
        _shown[i] = shown;
        _flags[i] = (byte)((ineligible ? IsIneligible : 0) | (preferred ? IsPreferred : 0));
    }

    public double LogOdds(int i) => _eta[i];

    public double Shown(int i) => _shown[i];

    public bool Ineligible(int i) => (_flags[i] & IsIneligible) != 0;

    /// <summary>Indices of the first <paramref name="k"/> programs in greedy order (bounded heap, then a sort of k).</summary>
    public int[] Top(int k, IReadOnlyList<ProgramRecord> programs)
    {
        var heap = new int[k];
        var size = 0;
        int Compare(int a, int b) => CompareOrder(a, b, programs, rounded: false);
        for (var i = 0; i < _count && k > 0; i++)
        {
            if ((_flags[i] & Excluded) != 0)
            {
                continue;
            }

            if (size < k)
            {
                heap[size] = i;
                SiftUp(heap, size++, Compare);
            }
            else if (Compare(i, heap[0]) < 0)
            {
                heap[0] = i;
                SiftDown(heap, size, Compare);
            }
        }

        Array.Sort(heap, 0, size, Comparer<int>.Create(Compare));
        return size == k ? heap : heap[..size];
    }

    /// <summary>The first <paramref name="count"/> of <paramref name="selected"/> (greedy order) re-sorted in display order.</summary>
    public int[] Display(int[] selected, int count, IReadOnlyList<ProgramRecord> programs)
    {
        var display = (int[])selected.Clone();
        Array.Sort(display, Comparer<int>.Create((a, b) => CompareOrder(a, b, programs, rounded: true)));
        return count == display.Length ? display : display[..count];
    }

    public void Return()
    {
        ArrayPool<double>.Shared.Return(_eta);
        ArrayPool<double>.Shared.Return(_shown);
        ArrayPool<byte>.Shared.Return(_flags);
    }

    /// <summary>Negative when program a is shown before b.</summary>
    private int CompareOrder(int a, int b, IReadOnlyList<ProgramRecord> programs, bool rounded)
    {
        var c = Ineligible(a).CompareTo(Ineligible(b));
        if (c != 0)
        {
            return c;
        }

        c = rounded ? Math.Round(_shown[b] * 100).CompareTo(Math.Round(_shown[a] * 100)) : _shown[b].CompareTo(_shown[a]);
        if (c != 0)
        {
            return c;
        }

        c = rounded ? ((_flags[b] & IsPreferred) != 0).CompareTo((_flags[a] & IsPreferred) != 0) : 0;
        if (c != 0)
        {
            return c;
        }

        var pa = programs[a];
        var pb = programs[b];
        c = string.Compare(pa.Name, pb.Name, StringComparison.Ordinal);
        c = c != 0 ? c : string.Compare(pa.City, pb.City, StringComparison.Ordinal);
        return c != 0 ? c : a.CompareTo(b);
    }

    // Max-heap on display order: the root is the last of the k kept so far.
    private static void SiftUp(int[] heap, int i, Func<int, int, int> compare)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (compare(heap[i], heap[parent]) <= 0)
            {
                return;
            }

            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private static void SiftDown(int[] heap, int size, Func<int, int, int> compare)
    {
        var i = 0;
        while (true)
        {
            int left = (2 * i) + 1, right = left + 1, largest = i;
            if (left < size && compare(heap[left], heap[largest]) > 0)
            {
                largest = left;
            }

            if (right < size && compare(heap[right], heap[largest]) > 0)
            {
                largest = right;
            }

            if (largest == i)
            {
                return;
            }

            (heap[i], heap[largest]) = (heap[largest], heap[i]);
            i = largest;
        }
    }
}
