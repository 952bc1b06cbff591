using EdgeMoE.Actors.Mec;
using EdgeMoE.Models.Compute;
using EdgeMoE.Models.Moe.Continual;
using EdgeMoE.Policies.Mec;

namespace EdgeMoE.Actors.Tests.Mec;

/// <summary>The coordinator, user and servers of a MEC run, with a recording routing rule and counting experts.</summary>
public sealed class GateCoordinatorTests : TestKit
{
    // 8e6 bits at 1e7 bit/s = 0.8 s, plus 1e9 cycles at 1e9 Hz = 1 s: 1.8 s, i.e. 3 steps of 0.6 s.
    private static readonly MecTaskCost Cost = new(8e6, 1e9, 0.6);

    [Fact]
    public void A_server_that_took_a_task_is_unavailable_for_its_transfer_and_compute_steps()
    {
        var choice = new LowestAvailable();
        var servers = new[] { new MecServer(1e7, 1e9, 0), new MecServer(1e9, 1e10, 0) };
        var result = Run(choice, servers, tasks: 7);

        // Server 0 is busy 3 steps, server 1 one step (0.008 s + 0.1 s): tasks go 0, 1, 1, 0, 1, 1, 0.
        Assert.Equal([0, 1, 1, 0, 1, 1, 0], choice.Chosen);
        Assert.Equal([false, true], choice.Availability[1]);
        Assert.Equal([true, true], choice.Availability[3]);
        Assert.Equal([3, 4], result.TasksPerServer);
        Assert.Equal(7, result.Errors.Count);
        Assert.Equal(0, result.Dropped);
    }

    [Fact]
    public void A_task_that_finds_every_server_busy_is_dropped_and_G_t_repeats()
    {
        var choice = new LowestAvailable();
        var result = Run(choice, [new MecServer(1e7, 1e9, 0)], tasks: 4);
        Assert.Equal(2, result.Dropped);
        Assert.Equal(2, result.TasksPerServer[0]);
        Assert.Equal(result.Errors[0], result.Errors[1]);
    }

    [Fact]
    public void G_t_averages_each_learned_tasks_current_error_on_its_cluster()
    {
        // The counting expert's error on cluster n is 1 / (1 + tasks it learned): one server learns every task.
        var result = Run(new LowestAvailable(), [new MecServer(1e12, 1e12, 0)], tasks: 3);
        Assert.Equal([1 / 2.0, 1 / 3.0, 1 / 4.0], result.Errors);
    }

    [Fact]
    public void A_choice_that_learns_from_every_server_gets_the_change_each_would_make_and_only_the_chosen_one_learns()
    {
        // The counting expert's change is 1 + the tasks it learned; server 0 takes every task (all are free each step).
        var choice = new LowestAvailable(everyServer: true);
        var result = Run(choice, [new MecServer(1e12, 1e12, 0), new MecServer(1e12, 1e12, 0), new MecServer(1e12, 1e12, 0)], tasks: 3);
        Assert.Equal([3, 0, 0], result.TasksPerServer);
        Assert.Equal([[1.0, 1, 1], [2.0, 1, 1], [3.0, 1, 1]], choice.Changes);
    }

    [Fact]
    public async Task A_run_that_pauses_for_snapshots_and_a_run_restarted_from_one_give_the_same_G_t()
    {
        MecServer[] servers = [new(1e7, 1e9, 0), new(1e9, 1e10, 0)];
        var uninterrupted = Run(new LowestAvailable(), servers, tasks: 9);

        // Every 3 steps the coordinator sends its run and waits for ContinueRun.
        var snapshots = System.Threading.Channels.Channel.CreateUnbounded<MecRunSnapshot>();
        var done = new TaskCompletionSource<MecRunResult>();
        var error = new GeneralisationError(2, servers.Length);
        var coordinator = Sys.ActorOf(GateCoordinatorActor<int>.Props(
            new LowestAvailable(), MecUserActor<int>.Props(() => new CountingStream()), ServerProps(servers, null), 9, error, done,
            checkpoints: new MecRunCheckpoints(0, 3, snapshots.Writer)));
        var atStep3 = await Next(snapshots);
        Assert.Equal(3, atStep3.Step);
        Assert.False(done.Task.IsCompleted);
        coordinator.Tell(new ContinueRun());
        Assert.Equal(6, (await Next(snapshots)).Step);
        coordinator.Tell(new ContinueRun());
        var paused = await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(uninterrupted.Errors, paused.Errors);

        // A fresh run from the step-3 snapshot: its servers, user, tracker and coordinator continue from there.
        var resumed = new TaskCompletionSource<MecRunResult>();
        var restoredError = new GeneralisationError(2, servers.Length);
        restoredError.Restore(atStep3.Error);
        Sys.ActorOf(GateCoordinatorActor<int>.Props(
            new LowestAvailable(), MecUserActor<int>.Props(() => new CountingStream(), atStep3.Step), ServerProps(servers, atStep3), 9, restoredError, resumed,
            resume: atStep3.Coordinator));
        var result = await resumed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(uninterrupted.Errors, result.Errors);
        Assert.Equal(uninterrupted.TasksPerServer, result.TasksPerServer);
    }

    private static Task<MecRunSnapshot> Next(System.Threading.Channels.Channel<MecRunSnapshot> snapshots) =>
        snapshots.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private static List<Akka.Actor.Props> ServerProps(IReadOnlyList<MecServer> servers, MecRunSnapshot? from) =>
        [.. servers.Select((s, m) => MecServerActor<int>.Props(m, s, Cost, () => new CountingExpert(), from?.Experts[m]))];

    private MecRunResult Run(IServerChoice choice, IReadOnlyList<MecServer> servers, int tasks)
    {
        var done = new TaskCompletionSource<MecRunResult>();
        var serverProps = servers.Select((s, m) => MecServerActor<int>.Props(m, s, Cost, () => new CountingExpert())).ToList();
        var user = MecUserActor<int>.Props(() => new CountingStream());
        Sys.ActorOf(GateCoordinatorActor<int>.Props(choice, user, serverProps, tasks, new GeneralisationError(2, servers.Count), done));
        Assert.True(done.Task.Wait(TimeSpan.FromSeconds(10)), "the run did not finish");
        return done.Task.Result;
    }

    private sealed class LowestAvailable(bool everyServer = false) : IServerChoice
    {
        public List<double[]> Changes { get; } = [];

        public bool LearnsFromEveryServer => everyServer;

        public List<int> Chosen { get; } = [];

        public List<bool[]> Availability { get; } = [];

        public string Name => "lowest";

        public int Choose(ReadOnlySpan<double> featureSum, ReadOnlySpan<bool> available)
        {
            Availability.Add(available.ToArray());
            var chosen = available.IndexOf(true);
            if (chosen >= 0)
            {
                Chosen.Add(chosen);
            }

            return chosen;
        }

        public void Learn(int step, ReadOnlySpan<double> featureSum, int chosen, double modelChange)
        {
        }

        public void LearnFromEvery(int step, ReadOnlySpan<double> featureSum, int chosen, ReadOnlySpan<double> changes) => Changes.Add(changes.ToArray());
    }

    private sealed class CountingStream : ITaskStream<int>
    {
        private int _next;

        public int Clusters => 2;

        public int Drawn => _next;

        public OffloadedTask<int> Next() => new(_next % 2, [1.0], _next++);

        public void Skip(int count) => _next += count;
    }

    private sealed class CountingExpert : IContinualExpert<int>
    {
        private int _learned;

        public double Fit(int data) => ++_learned;

        public double[] ErrorByCluster() => [1.0 / (1 + _learned), 1.0 / (1 + _learned)];

        public ContinualExpertState Save() => new([], [_learned], []);

        public void Restore(ContinualExpertState state) => _learned = (int)state.Counters[0];

        public void Dispose()
        {
        }
    }
}
