using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Actors.Edge.Routing;
using EdgeMoE.Actors.Edge.Servers;
using EdgeMoE.Actors.Randomness;
using EdgeMoE.Models.Compute;
using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Actors.Tests.Edge;

/// <summary>The edge actors of the tests, each wired to probes: tiny experts and gates, fixed seeds.</summary>
internal static class TinyNetwork
{
    public const double Cycles = 1e7;
    public const double Xi = 2e-27;
    public const double EnergyCap = 15;
    public const double EnergyAverage = 2;
    public const int RouterServers = 3;

    public static ServerProfile Profile { get; } = new(Cycles, Xi, 1.0, 3e9, EnergyCap, EnergyAverage);

    /// <summary>A link whose gain is all line of sight (K = 10^12), so its rate is M·B0·log2(1 + MeanGain·P0/N0) to 6 digits.</summary>
    public static LinkSettings SteadyLink { get; } = new(2, new OfdmaLinkBudget(15e3, 0.01, 1e-9), 0.5, new SmallScaleFading(RicianK: 1e12), null);

    public static ActorSeed Seed(string name) => ActorSeed.ForUser(5, name);

    /// <summary>Server 0 with the given outages (continuing from <paramref name="restore"/> if given), its policy, clock and channel being probes.</summary>
    public static (IActorRef Server, TestProbe Policy, TestProbe Clock, TestProbe Channel) Server(
        TestKitBase kit, IReadOnlyList<OutageWindow> outages, Actors.Edge.Messages.ActorSnapshot? restore = null, string name = "server-0")
    {
        var policy = kit.CreateTestProbe();
        var clock = kit.CreateTestProbe();
        var channel = kit.CreateTestProbe();
        var settings = new ExpertServerSettings(0, Profile, TinyImages.Network, TinyImages.Classes, 0.05f, outages);
        var server = kit.Sys.ActorOf(ExpertServerActor.Props(settings, policy.Ref, clock.Ref, Seed("server-0"), channel.Ref, restore), name);
        return (server, policy, clock, channel);
    }

    /// <summary>A router over <see cref="RouterServers"/> servers with K = 2 and six test images; channels and servers are probes.</summary>
    public static (IActorRef Router, TestProbe Policy, TestProbe Clock, TestProbe[] Channels) Router(TestKitBase kit, string name = "router")
    {
        var policy = kit.CreateTestProbe();
        var clock = kit.CreateTestProbe();
        var channels = Enumerable.Range(0, RouterServers).Select(_ => kit.CreateTestProbe()).ToArray();
        var settings = new RouterSettings(RouterServers, 2, 4, 0.01f, TinyImages.Make(6), [0, 1, 2]);
        var router = kit.Sys.ActorOf(RouterActor.Props(settings, policy.Ref, clock.Ref, Seed("router")), name);
        router.Tell(new Actors.Edge.Messages.ConnectServers([.. channels.Select(c => c.Ref)], [.. channels.Select(c => c.Ref)]));
        return (router, policy, clock, channels);
    }
}
