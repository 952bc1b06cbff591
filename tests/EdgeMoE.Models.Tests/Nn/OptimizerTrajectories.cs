using System.Collections.Concurrent;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Tests.Nn;

/// <summary>A small CNN trained on seeded data by an optimiser under test: its parameters' bytes step by step.</summary>
internal static class OptimizerTrajectories
{
    public const int Batch = 16;
    public const int Classes = 5;
    public static readonly CnnOptions Shape = new(1, 8, 8, [4, 6], FeatureSize: 10);

    /// <summary>
    /// Every parameter's bytes after every step agree; the comparison means something only if the steps moved every
    /// parameter, so that is checked too.
    /// </summary>
    public static void AssertSame(List<byte[][]> reference, List<byte[][]> ours)
    {
        Assert.Equal(reference.Count, ours.Count);
        for (var step = 0; step < reference.Count; step++)
        {
            Assert.Equal(reference[step], ours[step]);
        }

        Assert.All(Enumerable.Range(0, reference[0].Length), p => Assert.NotEqual(reference[0][p], reference[^1][p]));
    }

    /// <summary>
    /// Runs <paramref name="workload"/> on one thread, then on three at once while another thread forces collections
    /// and runs finalizers (the trigger of TorchSharp's Scalar race); every run must finish and give the same bytes.
    /// </summary>
    public static void AllThreadsAgreeUnderForcedCollections(Func<byte[][]> workload)
    {
        const int Workers = 3;
        var failures = new ConcurrentQueue<Exception>();
        var expected = new byte[1][][];
        var single = OneTorchThread(() => expected[0] = workload(), failures);
        single.Start();
        single.Join();

        var results = new byte[Workers][][];
        var workers = Enumerable.Range(0, Workers).Select(w => OneTorchThread(() => results[w] = workload(), failures)).ToArray();
        var done = 0;
        var collections = 0;
        var collector = new Thread(() =>
        {
            while (Volatile.Read(ref done) == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                collections++;
            }
        });
        collector.Start();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        Volatile.Write(ref done, 1);
        collector.Join();

        Assert.Empty(failures);
        Assert.True(collections > Workers, $"only {collections} forced collections ran during training");
        Assert.All(results, result => Assert.Equal(expected[0], result));
    }

    /// <summary>
    /// Parameter bytes (in registration order) after each of <paramref name="steps"/> steps on seeded data, trained with one
    /// intra-op torch thread as emulations train.
    /// </summary>
    public static List<byte[][]> Train(Func<IEnumerable<Parameter>, optim.Optimizer> optimizerOf, int steps) =>
        OnOneTorchThread(() => TrainHere(optimizerOf, steps));

    /// <summary>
    /// The result of <paramref name="work"/> run on a new thread with one intra-op torch thread, as an emulation's actor
    /// runs torch; what it throws is rethrown.
    /// </summary>
    public static T OnOneTorchThread<T>(Func<T> work)
    {
        var failures = new ConcurrentQueue<Exception>();
        T? result = default;
        var thread = OneTorchThread(() => result = work(), failures);
        thread.Start();
        thread.Join();
        if (failures.TryDequeue(out var failure))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result!;
    }

    private static List<byte[][]> TrainHere(Func<IEnumerable<Parameter>, optim.Optimizer> optimizerOf, int steps)
    {
        using var generator = NetworkSeed.Generator(11, "adam-reference");
        using var model = new CnnExpert(Shape, Classes, generator);
        using var optimizer = optimizerOf(model.parameters());
        var (pixels, labels) = Data(seed: 11);
        var history = new List<byte[][]>();
        for (var step = 0; step < steps; step++)
        {
            Step(model, optimizer, pixels, labels);
            history.Add([.. model.parameters().Select(Bytes)]);
        }

        return history;
    }

    public static void Step(CnnExpert model, optim.Optimizer optimizer, float[] pixels, int[] labels)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.forward(TensorInput.Floats(pixels, Batch, 1, 8, 8));
        nn.functional.cross_entropy(logits, TensorInput.Labels(labels)).backward();
        optimizer.step();
    }

    public static (float[] Pixels, int[] Labels) Data(int seed)
    {
        var random = new Random(seed);
        var pixels = Enumerable.Range(0, Batch * 64).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, Batch).Select(_ => random.Next(Classes)).ToArray();
        return (pixels, labels);
    }

    public static byte[] Bytes(Tensor parameter)
    {
        using var values = parameter.detach().contiguous();
        return values.bytes.ToArray();
    }

    /// <summary>A new thread running <paramref name="action"/> with one intra-op torch thread; it records what it throws.</summary>
    public static Thread OneTorchThread(Action action, ConcurrentQueue<Exception> failures) => new(() =>
    {
        try
        {
            // libtorch's intra-op thread count is per OS thread: the thread is ours, so no other test's count changes.
            TorchBackend.EnsureLoaded();
            torch.set_num_threads(1);
            action();
        }
        catch (Exception e)
        {
            failures.Enqueue(e);
        }
    });
}
