namespace EdgeMoE.Actors.Tests.Mailboxes;

public sealed class RealTimeMailboxTests() : ActorTestKit(new ActorSystemSettings { Time = TimeMode.Real })
{
    [Fact]
    public async Task Back_pressure_blocks_a_local_sender_until_the_receiver_makes_room()
    {
        using var gate = new SemaphoreSlim(0);
        var props = Props.Create(() => new GatedEcho(gate)).WithMailbox(MailboxSettings.Bounded(2, OverflowPolicy.BackPressure));
        var receiver = ActorOf(props, "gated");
        var probe = TestActor.Ref;
        var sender = Task.Run(() =>
        {
            for (var i = 0; i < 6; i++)
            {
                receiver.Tell(i, probe);
            }
        });

        // One message is being processed (blocked on the gate) and two are queued: the sender must be waiting.
        Assert.NotSame(sender, await Task.WhenAny(sender, Task.Delay(300)));
        gate.Release(6);
        await sender.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Enumerable.Range(0, 6).Cast<object>(), TestActor.ReceiveN(6));
        Assert.Empty(DeadLetters);
    }

    private sealed class GatedEcho(SemaphoreSlim gate) : ActorBase
    {
        protected override void OnReceive(object message)
        {
            gate.Wait();
            Sender.Tell(message);
        }
    }
}
