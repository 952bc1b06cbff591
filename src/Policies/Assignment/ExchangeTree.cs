using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgeMoE.Policies.Assignment;

/// <summary>
/// The tokens an expert holds, with the cost of moving each of them to every other expert, in a segment tree
/// whose nodes are whole cost vectors: the root holds, for every target expert k, the cheapest move of any held
/// token to k. Inserting or removing a token rewrites one leaf and its ancestors (O(J·log n), vectorised); blocking
/// one target (the token also holds it) rewrites a single column (O(log n)). Node storage is rented from the shared
/// array pool, since a large slot needs megabytes per solve; <see cref="Dispose"/> returns it.
/// </summary>
internal sealed class ExchangeTree : IDisposable
{
    private readonly int _width;
    private int _capacity;
    private double[] _nodes;
    private int[] _tokenAt;
    private int[] _freeSlots;
    private int _freeCount;
    private int _used;

    /// <param name="width">Number of experts J (length of every cost vector).</param>
    public ExchangeTree(int width)
    {
        _width = width;
        _capacity = 8;
        _nodes = Infinite(2 * _capacity * width);
        _tokenAt = new int[_capacity];
        _freeSlots = new int[_capacity];
    }

    /// <summary>For each target expert, the cost of the cheapest move of a held token to it (+∞: none).</summary>
    public ReadOnlySpan<double> Cheapest => _nodes.AsSpan(_width, _width);

    /// <summary>The token that realises <see cref="Cheapest"/>[<paramref name="target"/>].</summary>
    public int CheapestToken(int target)
    {
        var node = 1;
        while (node < _capacity)
        {
            var left = 2 * node;
            node = _nodes[(left * _width) + target] <= _nodes[((left + 1) * _width) + target] ? left : left + 1;
        }

        return _tokenAt[node - _capacity];
    }

    /// <summary>Adds a token with its move costs per target; returns its slot.</summary>
    public int Insert(int token, ReadOnlySpan<double> costs)
    {
        int slot;
        if (_freeCount > 0)
        {
            slot = _freeSlots[--_freeCount];
        }
        else
        {
            if (_used == _capacity)
            {
                Grow();
            }

            slot = _used++;
        }

        _tokenAt[slot] = token;
        var leaf = _capacity + slot;
        costs.CopyTo(_nodes.AsSpan(leaf * _width, _width));

        // The slot was empty (+∞), so costs can only fall: lower each ancestor to the new leaf, no siblings read.
        for (var node = leaf >> 1; node >= 1 && LowerTo(node, leaf); node >>= 1)
        {
        }

        return slot;
    }

    /// <summary>Removes the token in <paramref name="slot"/>.</summary>
    public void Remove(int slot)
    {
        var leaf = _capacity + slot;
        _nodes.AsSpan(leaf * _width, _width).Fill(double.PositiveInfinity);
        _tokenAt[slot] = -1;
        if (_freeCount == _freeSlots.Length)
        {
            Array.Resize(ref _freeSlots, _freeSlots.Length * 2);
        }

        _freeSlots[_freeCount++] = slot;
        UpdateAncestors(leaf);
    }

    /// <summary>Sets one move cost of the token in <paramref name="slot"/> (+∞ blocks the move).</summary>
    public void SetCost(int slot, int target, double cost)
    {
        var node = _capacity + slot;
        var lower = cost <= _nodes[(node * _width) + target];
        _nodes[(node * _width) + target] = cost;
        for (node >>= 1; node >= 1; node >>= 1)
        {
            var at = (node * _width) + target;
            if (lower)
            {
                if (_nodes[at] <= cost)
                {
                    return;
                }

                _nodes[at] = cost;
            }
            else
            {
                var left = 2 * node * _width;
                _nodes[at] = Math.Min(_nodes[left + target], _nodes[left + _width + target]);
            }
        }
    }

    // Ancestors are recomputed bottom-up until one comes out unchanged: everything above it is unchanged too.
    private void UpdateAncestors(int leaf)
    {
        for (var node = leaf >> 1; node >= 1; node >>= 1)
        {
            if (!MinOfChildren(node))
            {
                return;
            }
        }
    }

    // node = elementwise min(node, leaf); true when the node changed.
    private bool LowerTo(int node, int leaf) => MinInto(node, node, leaf);

    // node = elementwise min(left child, right child); true when the node changed.
    private bool MinOfChildren(int node) => MinInto(node, 2 * node, (2 * node) + 1);

    // Vectorised target = min(first, second) over one cost vector each; true when the target changed.
    private bool MinInto(int targetNode, int firstNode, int secondNode)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var target = ref Unsafe.Add(ref nodes, targetNode * _width);
        ref var first = ref Unsafe.Add(ref nodes, firstNode * _width);
        ref var second = ref Unsafe.Add(ref nodes, secondNode * _width);
        var changed = false;
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; k <= _width - Vector<double>.Count; k += Vector<double>.Count)
            {
                var min = Vector.Min(Vector.LoadUnsafe(ref first, (nuint)k), Vector.LoadUnsafe(ref second, (nuint)k));
                changed |= min != Vector.LoadUnsafe(ref target, (nuint)k);
                min.StoreUnsafe(ref target, (nuint)k);
            }
        }

        for (; k < _width; k++)
        {
            var min = Math.Min(Unsafe.Add(ref first, k), Unsafe.Add(ref second, k));
            changed |= min != Unsafe.Add(ref target, k);
            Unsafe.Add(ref target, k) = min;
        }

        return changed;
    }

    private void Grow()
    {
        var capacity = 2 * _capacity;
        var nodes = Infinite(2 * capacity * _width);
        _nodes.AsSpan(_capacity * _width, _capacity * _width).CopyTo(nodes.AsSpan(capacity * _width));
        ArrayPool<double>.Shared.Return(_nodes);
        _nodes = nodes;
        _capacity = capacity;
        Array.Resize(ref _tokenAt, capacity);
        for (var node = capacity - 1; node >= 1; node--)
        {
            MinOfChildren(node);
        }
    }

    /// <summary>Returns the node storage to the pool; the tree must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_nodes.Length > 0)
        {
            ArrayPool<double>.Shared.Return(_nodes);
            _nodes = [];
        }
    }

    // Pool arrays may be longer than asked and hold old values: only the first `length` entries are used.
    private static double[] Infinite(int length)
    {
        var array = ArrayPool<double>.Shared.Rent(length);
        array.AsSpan(0, length).Fill(double.PositiveInfinity);
        return array;
    }
}
