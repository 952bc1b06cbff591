using System.Net.Sockets;
using Akka.Configuration;
using EdgeMoE.Actors.Cluster.Membership;
using EdgeMoE.Actors.Tests.Cluster.Wire;

namespace EdgeMoE.Actors.Tests.Cluster.Membership;

/// <summary>A crash closes the remoting port first, so peers get "connection refused" rather than a half-made connection.</summary>
public sealed class AbruptStopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Closing_the_listener_refuses_new_connections_while_open_ones_and_the_system_go_on()
    {
        var config = ConfigurationFactory.ParseString(LoopbackRemoting.Remote);
        var peer = ActorSystem.Create("peer", config);
        var crashing = ActorSystem.Create("crashing", config);
        try
        {
            crashing.ActorOf(Props.Create(() => new EchoActor()), "echo");
            var address = LoopbackRemoting.AddressOf(crashing);
            var echo = await peer.ActorSelection($"{address}/user/echo").ResolveOne(Patience);
            Assert.Equal("before", await echo.Ask<string>("before", Patience));

            AbruptStop.CloseListeners(crashing);

            using var client = new TcpClient();
            var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(address.Host!, address.Port!.Value));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
            Assert.False(crashing.WhenTerminated.IsCompleted);
            Assert.Equal("after", await echo.Ask<string>("after", Patience));

            await AbruptStop.Crash(crashing).WaitAsync(Patience);
            Assert.True(crashing.WhenTerminated.IsCompleted);
        }
        finally
        {
            await Task.WhenAll(peer.Terminate(), crashing.Terminate()).WaitAsync(Patience);
        }
    }

    private sealed class EchoActor : ReceiveActor
    {
        public EchoActor() => Receive<string>(text => Sender.Tell(text));
    }
}
