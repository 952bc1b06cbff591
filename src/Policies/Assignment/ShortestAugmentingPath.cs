namespace EdgeMoE.Policies.Assignment;

/// <summary>
/// The Jonker–Volgenant solver for n ≤ m: column potentials v (row potentials implicit), Dijkstra-like searches
/// for shortest augmenting paths on reduced costs, and the whole set of equally near columns scanned at once,
/// which keeps problems with many equal costs (integer matrices) fast.
/// </summary>
/// <remarks>
/// Invariant: each assigned row's column minimises c[i, ·] − v[·], and free columns keep the largest potential,
/// which is the dual feasibility that makes the final matching optimal for rectangular problems too.
/// </remarks>
internal sealed class ShortestAugmentingPath
{
    private readonly double[] _cost;
    private readonly int _rows;
    private readonly int _columns;
    private readonly double[] _v;
    private readonly int[] _columnOfRow;
    private readonly int[] _rowOfColumn;
    private readonly double[] _distance;
    private readonly int[] _predecessor;
    private readonly int[] _todo;

    public ShortestAugmentingPath(double[] cost, int rows, int columns)
    {
        _cost = cost;
        _rows = rows;
        _columns = columns;
        _v = new double[columns];
        _columnOfRow = new int[rows];
        _rowOfColumn = new int[columns];
        _distance = new double[columns];
        _predecessor = new int[columns];
        _todo = new int[columns];
        Array.Fill(_columnOfRow, -1);
        Array.Fill(_rowOfColumn, -1);
    }

    /// <summary>The optimal column of every row.</summary>
    public int[] Run()
    {
        var free = _rows == _columns ? ReduceSquare() : ClaimCheapestColumns();
        foreach (var row in free)
        {
            Augment(row, FindPath(row));
        }

        return _columnOfRow;
    }

    /// <summary>Wide start with v = 0: a row whose cheapest column is still free takes it. Returns the free rows.</summary>
    private List<int> ClaimCheapestColumns()
    {
        var free = new List<int>();
        for (var i = 0; i < _rows; i++)
        {
            var row = _cost.AsSpan(i * _columns, _columns);
            var best = 0;
            for (var j = 1; j < row.Length; j++)
            {
                if (row[j] < row[best])
                {
                    best = j;
                }
            }

            if (_rowOfColumn[best] < 0)
            {
                _rowOfColumn[best] = i;
                _columnOfRow[i] = best;
            }
            else
            {
                free.Add(i);
            }
        }

        return free;
    }

    /// <summary>JV's column reduction with reduction transfer, then two rounds of augmenting row reduction.</summary>
    private List<int> ReduceSquare()
    {
        var n = _rows;
        Array.Fill(_v, double.PositiveInfinity);
        var argmin = new int[n];
        for (var i = 0; i < n; i++)
        {
            var row = _cost.AsSpan(i * n, n);
            for (var j = 0; j < n; j++)
            {
                if (row[j] < _v[j])
                {
                    _v[j] = row[j];
                    argmin[j] = i;
                }
            }
        }

        var unique = new bool[n];
        Array.Fill(unique, true);
        for (var j = n - 1; j >= 0; j--)
        {
            var i = argmin[j];
            if (_columnOfRow[i] < 0)
            {
                _columnOfRow[i] = j;
                _rowOfColumn[j] = i;
            }
            else
            {
                unique[i] = false;
            }
        }

        var free = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (_columnOfRow[i] < 0)
            {
                free.Add(i);
            }
            else if (unique[i])
            {
                // Reduction transfer: lower v of the row's own column to its second-best reduced cost.
                var own = _columnOfRow[i];
                var row = _cost.AsSpan(i * n, n);
                var second = double.PositiveInfinity;
                for (var j = 0; j < n; j++)
                {
                    if (j != own && row[j] - _v[j] < second)
                    {
                        second = row[j] - _v[j];
                    }
                }

                if (double.IsFinite(second))
                {
                    _v[own] -= second;
                }
            }
        }

        for (var round = 0; round < 2 && free.Count > 0; round++)
        {
            free = AugmentingRowReduction(free);
        }

        return free;
    }

    /// <summary>One pass of JV's augmenting row reduction; returns the rows still free.</summary>
    private List<int> AugmentingRowReduction(List<int> freeRows)
    {
        var n = _columns;
        var queue = freeRows.ToArray();
        var count = queue.Length;
        var current = 0;
        var stillFree = new List<int>();
        long steps = 0;
        while (current < count)
        {
            steps++;
            var i = queue[current++];
            var row = _cost.AsSpan(i * n, n);
            int j1 = 0, j2 = -1;
            double u1 = row[0] - _v[0], u2 = double.PositiveInfinity;
            for (var j = 1; j < n; j++)
            {
                var reduced = row[j] - _v[j];
                if (reduced < u2)
                {
                    if (reduced >= u1)
                    {
                        u2 = reduced;
                        j2 = j;
                    }
                    else
                    {
                        u2 = u1;
                        u1 = reduced;
                        j2 = j1;
                        j1 = j;
                    }
                }
            }

            var i0 = _rowOfColumn[j1];
            var lowered = _v[j1] - (u2 - u1);
            var lowers = lowered < _v[j1];
            if (steps < (long)current * n)
            {
                if (lowers)
                {
                    _v[j1] = lowered;
                }
                else if (i0 >= 0 && j2 >= 0)
                {
                    j1 = j2;
                    i0 = _rowOfColumn[j2];
                }

                if (i0 >= 0)
                {
                    if (lowers)
                    {
                        queue[--current] = i0;
                    }
                    else
                    {
                        stillFree.Add(i0);
                    }
                }
            }
            else if (i0 >= 0)
            {
                stillFree.Add(i0);
            }

            _columnOfRow[i] = j1;
            _rowOfColumn[j1] = i;
            if (i0 >= 0)
            {
                _columnOfRow[i0] = -1;
            }
        }

        return stillFree;
    }

    /// <summary>Shortest augmenting path from a free row; returns the free column it ends at and updates v.</summary>
    private int FindPath(int start)
    {
        var m = _columns;
        var d = _distance;
        var todo = _todo;
        var startRow = _cost.AsSpan(start * m, m);
        for (var j = 0; j < m; j++)
        {
            todo[j] = j;
            _predecessor[j] = start;
            d[j] = startRow[j] - _v[j];
        }

        int low = 0, high = 0, ready = 0, end = -1;
        while (end < 0)
        {
            if (low == high)
            {
                ready = low;
                high = CollectNearest(low);
                for (var k = low; k < high; k++)
                {
                    if (_rowOfColumn[todo[k]] < 0)
                    {
                        end = todo[k];
                    }
                }
            }

            if (end < 0)
            {
                end = Scan(ref low, ref high);
            }
        }

        // The path's length: every column settled before this level moves its potential by its lead over it.
        var nearest = d[end];
        for (var k = 0; k < ready; k++)
        {
            var j = todo[k];
            _v[j] += d[j] - nearest;
        }

        return end;
    }

    /// <summary>Moves the unscanned columns at the least distance to todo[low..high) and returns high.</summary>
    private int CollectNearest(int low)
    {
        var d = _distance;
        var todo = _todo;
        var high = low + 1;
        var nearest = d[todo[low]];
        for (var k = high; k < _columns; k++)
        {
            var j = todo[k];
            if (d[j] <= nearest)
            {
                if (d[j] < nearest)
                {
                    high = low;
                    nearest = d[j];
                }

                todo[k] = todo[high];
                todo[high++] = j;
            }
        }

        return high;
    }

    /// <summary>Relaxes the rows of the nearest columns; returns a free column reached at the same distance, or -1.</summary>
    private int Scan(ref int low, ref int high)
    {
        var d = _distance;
        var todo = _todo;
        var v = _v;
        var m = _columns;
        while (low != high)
        {
            var j = todo[low++];
            var i = _rowOfColumn[j];
            var nearest = d[j];
            var row = _cost.AsSpan(i * m, m);
            var h = row[j] - v[j] - nearest;
            for (var k = high; k < m; k++)
            {
                var c = todo[k];
                var reduced = row[c] - v[c] - h;
                if (reduced < d[c])
                {
                    d[c] = reduced;
                    _predecessor[c] = i;
                    if (reduced == nearest)
                    {
                        if (_rowOfColumn[c] < 0)
                        {
                            return c;
                        }

                        todo[k] = todo[high];
                        todo[high++] = c;
                    }
                }
            }
        }

        return -1;
    }

    private void Augment(int start, int end)
    {
        var j = end;
        int i;
        do
        {
            i = _predecessor[j];
            _rowOfColumn[j] = i;
            (_columnOfRow[i], j) = (j, _columnOfRow[i]);
        }
        while (i != start);
    }
}
