using EdgeMoE.Policies.Assignment;

namespace EdgeMoE.Policies.Tests.Assignment;

public sealed class ExchangeTreeTests
{
    [Fact]
    public void The_root_is_the_columnwise_minimum_of_the_live_tokens_through_inserts_removals_and_blocks()
    {
        var random = new Random(17);
        foreach (var width in new[] { 1, 3, 8, 13 })
        {
            var tree = new ExchangeTree(width);
            var live = new Dictionary<int, (int Slot, double[] Costs)>();
            var nextToken = 0;
            for (var step = 0; step < 2000; step++)
            {
                var action = random.Next(4);
                if (action <= 1 || live.Count == 0)
                {
                    var costs = Enumerable.Range(0, width).Select(_ => random.Next(5) == 0 ? double.PositiveInfinity : random.Next(-20, 20) / 2.0).ToArray();
                    live[nextToken] = (tree.Insert(nextToken, costs), costs);
                    nextToken++;
                }
                else
                {
                    var token = live.Keys.ElementAt(random.Next(live.Count));
                    if (action == 2)
                    {
                        tree.Remove(live[token].Slot);
                        live.Remove(token);
                    }
                    else
                    {
                        var target = random.Next(width);
                        var cost = random.Next(3) == 0 ? double.PositiveInfinity : random.Next(-20, 20) / 2.0;
                        live[token].Costs[target] = cost;
                        tree.SetCost(live[token].Slot, target, cost);
                    }
                }

                for (var k = 0; k < width; k++)
                {
                    var expected = live.Values.Select(v => v.Costs[k]).DefaultIfEmpty(double.PositiveInfinity).Min();
                    Assert.Equal(expected, tree.Cheapest[k]);
                    if (!double.IsPositiveInfinity(expected))
                    {
                        Assert.Equal(expected, live[tree.CheapestToken(k)].Costs[k]);
                    }
                }
            }
        }
    }
}
