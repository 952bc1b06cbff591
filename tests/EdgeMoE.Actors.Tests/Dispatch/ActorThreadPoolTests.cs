using System.Diagnostics;

namespace EdgeMoE.Actors.Tests.Dispatch;

public sealed class ActorThreadPoolTests
{
    [Fact]
    public void Every_item_scheduled_from_outside_runs_even_when_it_races_a_parking_worker()
    {
        var pool = new ActorThreadPool(2, "racing");
        var item = new CountingItem();
        var random = new Random(7);
        try
        {
            for (var i = 1; i <= 10_000; i++)
            {
                // A varying pause lands the next schedule before, during and after the workers' spin-then-park.
                Thread.SpinWait(random.Next(0, 3_000));
                pool.Schedule(item);
                Assert.True(item.WaitForRuns(i, TimeSpan.FromSeconds(10)), $"item {i} was never run: a lost wake-up");
            }
        }
        finally
        {
            pool.Stop();
        }
    }

    [Fact]
    public void A_turn_queued_behind_a_blocked_worker_is_stolen_by_an_idle_one()
    {
        var pool = new ActorThreadPool(2, "stealing");
        using var stolen = new ManualResetEventSlim();
        var blocking = new DelegateItem(() =>
        {
            // Goes to this worker's own queue; only the other worker can run it while this one waits.
            pool.Schedule(new DelegateItem(stolen.Set));
            stolen.Wait(TimeSpan.FromSeconds(10));
        });
        try
        {
            pool.Schedule(blocking);
            Assert.True(stolen.Wait(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            pool.Stop();
        }
    }

    [Fact]
    public void Items_scheduled_after_stop_are_dropped()
    {
        var pool = new ActorThreadPool(1, "stopped");
        var item = new CountingItem();
        pool.Schedule(item);
        Assert.True(item.WaitForRuns(1, TimeSpan.FromSeconds(10)));
        pool.Stop();
        pool.Schedule(item);
        Assert.False(item.WaitForRuns(2, TimeSpan.FromMilliseconds(200)));
    }

    private sealed class CountingItem : IThreadPoolWorkItem
    {
        private int _runs;

        public void Execute() => Interlocked.Increment(ref _runs);

        public bool WaitForRuns(int runs, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _runs) < runs)
            {
                if (clock.Elapsed > timeout)
                {
                    return false;
                }

                spinner.SpinOnce();
            }

            return true;
        }
    }

    private sealed class DelegateItem(Action action) : IThreadPoolWorkItem
    {
        public void Execute() => action();
    }
}
