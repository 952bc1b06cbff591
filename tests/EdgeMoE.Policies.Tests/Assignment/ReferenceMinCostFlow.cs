namespace EdgeMoE.Policies.Tests.Assignment;

/// <summary>
/// A textbook reference for the b-matching: successive shortest paths with Bellman–Ford on the full network
/// source → tokens (capacity K) → experts (capacity 1, cost −w_ij) → sink through one unit arc per possible load
/// (cost −Δh_j(r)). Slow, generic and independent of the collapsed-graph solver; used on mid-size instances.
/// </summary>
internal static class ReferenceMinCostFlow
{
    public static double MaxGain(int tokens, int experts, int units, double[] gains, Func<int, long, double> marginal)
    {
        var source = tokens + experts;
        var sink = source + 1;
        var graph = new List<Arc>[sink + 1];
        for (var v = 0; v <= sink; v++)
        {
            graph[v] = [];
        }

        for (var i = 0; i < tokens; i++)
        {
            AddArc(graph, source, i, units, 0);
            for (var j = 0; j < experts; j++)
            {
                AddArc(graph, i, tokens + j, 1, -gains[(i * experts) + j]);
            }
        }

        for (var j = 0; j < experts; j++)
        {
            for (var r = 0; r < tokens; r++)
            {
                AddArc(graph, tokens + j, sink, 1, -marginal(j, r));
            }
        }

        var cost = 0.0;
        for (var unit = 0; unit < tokens * units; unit++)
        {
            var distance = Enumerable.Repeat(double.PositiveInfinity, sink + 1).ToArray();
            var via = new (int From, int Arc)[sink + 1];
            distance[source] = 0;
            for (var round = 0; round <= sink; round++)
            {
                var changed = false;
                for (var v = 0; v <= sink; v++)
                {
                    if (double.IsPositiveInfinity(distance[v]))
                    {
                        continue;
                    }

                    for (var a = 0; a < graph[v].Count; a++)
                    {
                        var arc = graph[v][a];
                        if (arc.Residual > 0 && distance[v] + arc.Cost < distance[arc.To] - 1e-12)
                        {
                            distance[arc.To] = distance[v] + arc.Cost;
                            via[arc.To] = (v, a);
                            changed = true;
                        }
                    }
                }

                if (!changed)
                {
                    break;
                }
            }

            for (var v = sink; v != source; v = via[v].From)
            {
                var (from, index) = via[v];
                var arc = graph[from][index];
                graph[from][index] = arc with { Residual = arc.Residual - 1 };
                var back = graph[v][arc.Reverse];
                graph[v][arc.Reverse] = back with { Residual = back.Residual + 1 };
            }

            cost += distance[sink];
        }

        return -cost;
    }

    private static void AddArc(List<Arc>[] graph, int from, int to, int capacity, double cost)
    {
        graph[from].Add(new Arc(to, capacity, cost, graph[to].Count));
        graph[to].Add(new Arc(from, 0, -cost, graph[from].Count - 1));
    }

    private readonly record struct Arc(int To, int Residual, double Cost, int Reverse);
}
