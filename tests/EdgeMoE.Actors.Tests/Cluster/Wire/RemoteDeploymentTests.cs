using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Servers;
using EdgeMoE.Actors.Randomness;
using EdgeMoE.Actors.Tests.Edge;
using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Distortion;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Actors.Tests.Cluster.Wire;

/// <summary>
/// Servers and channels deployed onto another ActorSystem with a RemoteScope: their Props arguments travel through our
/// serializer (inside Akka's DaemonMsgCreate) and the remote actor behaves exactly like a local one built alike.
/// </summary>
public sealed class RemoteDeploymentTests : TestKit, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ActorSystem _edge = ActorSystem.Create("edge", LoopbackRemoting.WithWire);

    public RemoteDeploymentTests()
        : base(LoopbackRemoting.WithWire)
    {
    }

    private Deploy OnEdge => Deploy.None.WithScope(new RemoteScope(LoopbackRemoting.AddressOf(_edge)));

    [Fact]
    public void A_remote_server_answers_like_a_local_one_built_from_the_same_settings_and_seed()
    {
        var policy = CreateTestProbe();
        var clock = CreateTestProbe();
        var settings = new ExpertServerSettings(0, TinyNetwork.Profile, TinyImages.Network, TinyImages.Classes, 0.05f, [new OutageWindow(5, 7)]);
        var seed = TinyNetwork.Seed("server-0");
        var remote = Sys.ActorOf(ExpertServerActor.Props(settings, policy.Ref, clock.Ref, seed).WithDeploy(OnEdge), "server-0");
        var local = Sys.ActorOf(ExpertServerActor.Props(settings, policy.Ref, clock.Ref, seed), "server-0-local");

        Assert.Equal(LoopbackRemoting.AddressOf(_edge), remote.Path.Address);
        var fromRemote = Ask(remote, new EvaluationRequest(3, TinyImages.Pixels(4)));
        var fromLocal = Ask(local, new EvaluationRequest(3, TinyImages.Pixels(4)));
        Assert.Equal(4 * TinyImages.Classes, fromRemote.Outputs.Length);
        Assert.Null(StructuralEquality.Difference(fromLocal, fromRemote));

        // The outage window crossed with the settings, and the policy reference with the Props.
        remote.Tell(new SlotTick(5, TimeSpan.FromSeconds(5)));
        var status = policy.ExpectMsg<ServerStatus>(Patience);
        Assert.Equal((5L, false), (status.Slot, status.Available));

        // A channel reference sent later crosses too: the server's outputs come back to it.
        var channel = CreateTestProbe();
        remote.Tell(new ConnectChannel(channel.Ref));
        remote.Tell(new SlotTick(1, TimeSpan.FromSeconds(1)));
        remote.Tell(new TokenDispatch(1, 0, [40, 41], TinyImages.Indices(2), TinyImages.Pixels(2), 3e9, TimeSpan.FromSeconds(1)));
        var outputs = channel.ExpectMsg<ExpertOutputs>(Patience);
        Assert.Equal((1L, 0), (outputs.Slot, outputs.Server));
        Assert.Equal(outputs.TokenIds.Length * TinyImages.Classes, outputs.Outputs.Length);
    }

    [Fact]
    public void A_remote_channel_delays_and_distorts_like_a_local_one_built_from_the_same_settings_and_seed()
    {
        var link = new LinkSettings(3, new OfdmaLinkBudget(15e3, 0.01, 1e-9), 0.5, new SmallScaleFading(1, 0.3), new DigitalTransmission(4, Modulation.Qpsk, 0.5));
        var seed = TinyNetwork.Seed("channel-0");
        var router = CreateTestProbe();
        var clock = CreateTestProbe();
        var remoteServer = CreateTestProbe();
        var localServer = CreateTestProbe();
        var remote = Sys.ActorOf(ChannelActor.Props(0, link, router.Ref, remoteServer.Ref, clock.Ref, seed).WithDeploy(OnEdge), "channel-0");
        var local = Sys.ActorOf(ChannelActor.Props(0, link, router.Ref, localServer.Ref, clock.Ref, seed), "channel-0-local");

        // The channel distorts the tensor in place, so each gets its own copy.
        remote.Tell(Dispatch());
        local.Tell(Dispatch());
        var viaRemote = remoteServer.ExpectMsg<TokenDispatch>(Patience);
        var viaLocal = localServer.ExpectMsg<TokenDispatch>(Patience);

        Assert.True(viaRemote.ArrivesAt > Dispatch().ArrivesAt);
        Assert.Null(StructuralEquality.Difference(viaLocal, viaRemote));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _edge.Terminate();

    private static TokenDispatch Dispatch() => new(2, 0, [10, 11, 12], TinyImages.Indices(3), TinyImages.Pixels(3), 2e9, TimeSpan.FromSeconds(2));

    private EvaluationOutputs Ask(IActorRef server, EvaluationRequest request)
    {
        var asker = CreateTestProbe();
        asker.Send(server, request);
        return asker.ExpectMsg<EvaluationOutputs>(Patience);
    }
}
