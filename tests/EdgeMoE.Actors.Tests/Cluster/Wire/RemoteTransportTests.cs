using Akka.Configuration;
using Akka.Event;
using EdgeMoE.Actors.Cluster.Wire;
using EdgeMoE.Actors.Edge.Messages;
using Xunit.Abstractions;

namespace EdgeMoE.Actors.Tests.Cluster.Wire;

/// <summary>Two ActorSystems on loopback: bad bytes fail the one message with a logged reason, never the association.</summary>
public sealed class RemoteTransportTests(ITestOutputHelper output) : TestKit(LoopbackRemoting.WithWire, output: null)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_corrupted_message_is_logged_naming_its_type_and_the_next_one_arrives()
    {
        // The sender serializes with a corrupting stand-in registered under our name and identifier.
        var senderConfig = ConfigurationFactory
            .ParseString($"akka.actor.serializers.{EdgeMoeWire.SerializerName} = \"{typeof(TruncatingSerializer).FullName}, {typeof(TruncatingSerializer).Assembly.GetName().Name}\"")
            .WithFallback(LoopbackRemoting.WithWire);
        using var sender = ActorSystem.Create("sender", senderConfig);
        try
        {
            var logs = CreateTestProbe();
            Sys.EventStream.Subscribe(logs.Ref, typeof(Warning));
            Sys.EventStream.Subscribe(logs.Ref, typeof(Error));
            var receiver = CreateTestProbe();
            var path = receiver.Ref.Path.ToStringWithAddress(LoopbackRemoting.AddressOf(Sys));
            var remote = await sender.ActorSelection(path).ResolveOne(Patience);

            remote.Tell(new EvaluationReport(TruncatingSerializer.CorruptedSlot, 0.25));
            remote.Tell(new EvaluationReport(TruncatingSerializer.CorruptedSlot + 1, 0.5));

            Assert.Equal(TruncatingSerializer.CorruptedSlot + 1, receiver.ExpectMsg<EvaluationReport>(Patience).Slot);
            var logged = logs.FishForMessage<LogEvent>(e => e.ToString().Contains("EdgeMoE wire: EvaluationReport: truncated"), Patience);
            // Akka.Remote 1.5.73 reports it as a transient warning (with our exception as cause) and keeps the association.
            Assert.Equal(LogLevel.WarningLevel, logged.LogLevel());
            output.WriteLine($"receiver logged: {logged.Message}");
            receiver.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        }
        finally
        {
            await sender.Terminate();
        }
    }
}
