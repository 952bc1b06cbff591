using EdgeMoE.Actors.Edge.Learning;
using EdgeMoE.Models.Moe;
using TorchSharp;

namespace EdgeMoE.Actors.Tests.Edge.Learning;

public sealed class RematerialisedNetworkTests
{
    private static readonly CnnOptions Shape = new(1, 8, 8, [4], 6);

    [Fact]
    public void The_same_random_gives_bit_identical_weights_and_outputs_and_another_differs()
    {
        var a = RematerialisedNetwork.Expert(Shape, 3, 1e-2f, new Random(11));
        var b = RematerialisedNetwork.Expert(Shape, 3, 1e-2f, new Random(11));
        var c = RematerialisedNetwork.Expert(Shape, 3, 1e-2f, new Random(12));
        var items = Items(5);
        Assert.Equal(a.FlatParameters(), b.FlatParameters());
        Assert.Equal(a.Forward(items), b.Forward(items));
        Assert.NotEqual(a.FlatParameters(), c.FlatParameters());

        var gradients = Enumerable.Range(0, 5 * 3).Select(i => (i % 4) - 1.5f).ToArray();
        a.Train(items, gradients);
        b.Train(items, gradients);
        Assert.Equal(a.FlatParameters(), b.FlatParameters());
        Assert.Equal(a.Forward(items), b.Forward(items));
    }

    [Fact]
    public void Training_moves_the_outputs_against_the_injected_gradient()
    {
        var network = RematerialisedNetwork.Expert(Shape, 3, 1e-2f, new Random(3));
        var items = Items(4);
        var before = network.Forward(items);

        // dL/d(output 0) = 1 on every item: Adam lowers output 0.
        var gradients = new float[4 * 3];
        for (var i = 0; i < 4; i++)
        {
            gradients[i * 3] = 1f;
        }

        for (var step = 0; step < 5; step++)
        {
            network.Train(items, gradients);
        }

        var after = network.Forward(items);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(after[i * 3] < before[i * 3], $"item {i}: output 0 went from {before[i * 3]} to {after[i * 3]}");
        }
    }

    [Fact]
    public void The_gate_gives_softmax_rows_over_its_experts()
    {
        var gate = RematerialisedNetwork.Gate(64, 4, 8, 1e-3f, new Random(5));
        Assert.Equal((64, 4), (gate.ItemSize, gate.Outputs));
        var rows = gate.Forward(Items(3));
        for (var r = 0; r < 3; r++)
        {
            Assert.Equal(1f, rows.AsSpan(r * 4, 4).ToArray().Sum(), 5);
        }
    }

    [Fact]
    public void Three_hundred_training_steps_leave_the_number_of_live_tensors_unchanged()
    {
        var network = RematerialisedNetwork.Expert(Shape, 3, 1e-3f, new Random(7));
        var items = Items(6);
        var gradients = Enumerable.Range(0, 6 * 3).Select(i => (i % 3) - 1f).ToArray();
        void Step()
        {
            network.Forward(items);
            network.Train(items, gradients);
        }

        // The first steps create the optimiser's state; from then on every tensor of a step dies with its dispose scope.
        for (var i = 0; i < 5; i++)
        {
            Step();
        }

        var statistics = DisposeScopeManager.Statistics;
        var live = statistics.ThreadTotalLiveCount;
        var created = statistics.CreatedInScopeCount;
        for (var i = 0; i < 300; i++)
        {
            Step();
        }

        Assert.True(statistics.CreatedInScopeCount - created >= 300 * 4, "the steps created no tensors in scopes: the counter does not count");
        Assert.Equal(live, statistics.ThreadTotalLiveCount);
    }

    private static float[] Items(int count) => [.. Enumerable.Range(0, count * 64).Select(i => (i * 37 % 101) / 100f)];
}
