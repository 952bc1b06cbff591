using Akka.Actor;
using EdgeMoE.Actors.Cluster.Placement;
using EdgeMoE.Host.Scenarios;

namespace EdgeMoE.Host.Tests.Run;

/// <summary>Waiting on a site: the outcome when it comes, the site's loss at once when that comes first.</summary>
public sealed class EmulationSiteTests
{
    [Fact]
    public void A_lost_site_ends_the_wait_at_once_with_its_reason()
    {
        var lost = new TaskCompletionSource<string>();
        lost.SetResult("the coordinator is no longer a cluster member");
        var never = new TaskCompletionSource<int>();

        var failure = Assert.Throws<RunStoppedException>(() => new FakeSite(lost.Task).Await(never.Task, "jesa"));

        Assert.Equal("jesa: the coordinator is no longer a cluster member; the run cannot go on", failure.Message);
    }

    [Fact]
    public void A_site_that_stays_gives_the_outcome()
    {
        Assert.Equal(7, new FakeSite(new TaskCompletionSource<string>().Task).Await(Task.FromResult(7), "jesa"));
        Assert.Equal(8, new FakeSite(null).Await(Task.FromResult(8), "jesa"));
    }

    private sealed class FakeSite(Task<string>? lost) : EmulationSite
    {
        public override Task<string>? Lost => lost;

        public override IDisposable Start(string name, Func<EdgePlacement, Props> runProps) => throw new InvalidOperationException("not started here");
    }
}
