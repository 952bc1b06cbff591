namespace EdgeMoE.Policies.Assignment;

/// <summary>
/// Binary min-heap of (cost, token) with lazy deletion: entries go stale when their token moves, and the caller
/// drops stale tops while peeking. Keys never change for a given (token, from, to), so stale duplicates are harmless.
/// </summary>
internal sealed class ExchangeHeap
{
    private double[] _costs = new double[4];
    private int[] _tokens = new int[4];

    public int Count { get; private set; }

    public double TopCost => _costs[0];

    public int TopToken => _tokens[0];

    public void Push(double cost, int token)
    {
        if (Count == _costs.Length)
        {
            Array.Resize(ref _costs, Count * 2);
            Array.Resize(ref _tokens, Count * 2);
        }

        var at = Count++;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (_costs[parent] <= cost)
            {
                break;
            }

            _costs[at] = _costs[parent];
            _tokens[at] = _tokens[parent];
            at = parent;
        }

        _costs[at] = cost;
        _tokens[at] = token;
    }

    public void Pop()
    {
        var last = --Count;
        if (last == 0)
        {
            return;
        }

        var cost = _costs[last];
        var token = _tokens[last];
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= last)
            {
                break;
            }

            if (child + 1 < last && _costs[child + 1] < _costs[child])
            {
                child++;
            }

            if (_costs[child] >= cost)
            {
                break;
            }

            _costs[at] = _costs[child];
            _tokens[at] = _tokens[child];
            at = child;
        }

        _costs[at] = cost;
        _tokens[at] = token;
    }
}
