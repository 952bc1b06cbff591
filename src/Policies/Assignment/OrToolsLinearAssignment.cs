using Google.OrTools.Graph;

namespace EdgeMoE.Policies.Assignment;

/// <summary>
/// OR-Tools' LinearSumAssignment on an integer cost matrix: the oracle our <see cref="LinearAssignment"/> is tested
/// against and benchmarked beside. Same contract: every row of the shorter side gets a distinct column.
/// Rectangular matrices are padded to square with zero-cost rows, as OR-Tools needs a perfect matching.
/// </summary>
/// <remarks>
/// Ours stays the solver, see <see cref="LinearAssignment"/> and <c>bench jesa</c>. Building adds every arc;
/// <see cref="Solve"/> runs the solver.
/// </remarks>
public sealed class OrToolsLinearAssignment : IDisposable
{
    private readonly LinearSumAssignment _solver = new();
    private readonly int _rows;
    private readonly int _columns;
    private readonly bool _transposed;
    private readonly long[] _cost;

    /// <summary>Adds one arc per entry of a row-major <paramref name="cost"/> of <paramref name="rows"/> × <paramref name="columns"/>.</summary>
    /// <exception cref="ArgumentException">The length does not match the shape.</exception>
    public OrToolsLinearAssignment(long[] cost, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (cost.Length != (long)rows * columns)
        {
            throw new ArgumentException($"A {rows} × {columns} cost matrix needs {(long)rows * columns} entries, got {cost.Length}.", nameof(cost));
        }

        _rows = rows;
        _columns = columns;
        _cost = cost;

        // OR-Tools wants a perfect matching: the shorter side goes on the left, padded with zero-cost dummy rows.
        _transposed = rows > columns;
        var left = _transposed ? columns : rows;
        var right = _transposed ? rows : columns;
        for (var l = 0; l < right; l++)
        {
            for (var r = 0; r < right; r++)
            {
                _solver.AddArcWithCost(l, r, l >= left ? 0 : _transposed ? cost[(r * columns) + l] : cost[(l * columns) + r]);
            }
        }
    }

    /// <summary>Solves; throws <see cref="InvalidOperationException"/> naming the status when it is not OPTIMAL.</summary>
    public AssignmentResult Solve()
    {
        var columnOfRow = Enumerable.Repeat(-1, _rows).ToArray();
        if (_rows == 0 || _columns == 0)
        {
            return new AssignmentResult(columnOfRow, 0);
        }

        var status = _solver.Solve();
        if (status != LinearSumAssignment.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"OR-Tools linear sum assignment ended with status {status} on a {_rows} × {_columns} matrix");
        }

        var left = _transposed ? _columns : _rows;
        for (var l = 0; l < left; l++)
        {
            var mate = _solver.RightMate(l);
            if (_transposed)
            {
                columnOfRow[mate] = l;
            }
            else
            {
                columnOfRow[l] = mate;
            }
        }

        var total = 0.0;
        for (var i = 0; i < _rows; i++)
        {
            total += columnOfRow[i] >= 0 ? _cost[(i * _columns) + columnOfRow[i]] : 0;
        }

        return new AssignmentResult(columnOfRow, total);
    }

    /// <inheritdoc/>
    public void Dispose() => _solver.Dispose();
}
