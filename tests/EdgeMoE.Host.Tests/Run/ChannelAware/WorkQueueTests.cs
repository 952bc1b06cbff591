using System.Collections.Concurrent;
using EdgeMoE.Host.Scenarios.ChannelAware;

namespace EdgeMoE.Host.Tests.Run.ChannelAware;

public sealed class WorkQueueTests
{
    [Fact]
    public void Jobs_and_the_jobs_they_add_all_run_once_and_each_worker_starts_first()
    {
        var queue = new WorkQueue();
        var done = new ConcurrentBag<string>();
        var started = 0;
        foreach (var k in new[] { "a", "b", "c" })
        {
            queue.Add(() =>
            {
                done.Add(k);
                queue.Add(() => done.Add(k + "/1"));
                queue.Add(() => done.Add(k + "/2"));
            });
        }

        queue.Run(2, () => Interlocked.Increment(ref started));

        Assert.Equal(2, started);
        Assert.Equal(new[] { "a", "a/1", "a/2", "b", "b/1", "b/2", "c", "c/1", "c/2" }, done.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failing_job_is_rethrown_and_no_job_starts_after_it()
    {
        var queue = new WorkQueue();
        var ran = 0;
        queue.Add(() => throw new InvalidOperationException("stage 1 failed"));
        queue.Add(() => Interlocked.Increment(ref ran));

        var failure = Assert.Throws<InvalidOperationException>(() => queue.Run(1, () => { }));

        Assert.Equal("stage 1 failed", failure.Message);
        Assert.Equal(0, ran);
    }
}
