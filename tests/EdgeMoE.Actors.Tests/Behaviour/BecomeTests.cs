namespace EdgeMoE.Actors.Tests.Behaviour;

public sealed class BecomeTests : ActorTestKit
{
    [Fact]
    public void Become_switches_handlers_and_Unbecome_returns_to_the_previous_ones()
    {
        var door = ActorOf<Door>("door");
        door.Tell("knock", TestActor.Ref);
        ExpectMsg<string>(s => s == "closed");
        door.Tell("open", TestActor.Ref);
        door.Tell("knock", TestActor.Ref);
        ExpectMsg<string>(s => s == "come in");
        door.Tell("close", TestActor.Ref);
        door.Tell("knock", TestActor.Ref);
        ExpectMsg<string>(s => s == "closed");
    }

    [Fact]
    public void Stash_sets_messages_aside_and_UnstashAll_puts_them_first_in_order()
    {
        var actor = ActorOf<Initialising>("init");
        actor.Tell("a", TestActor.Ref);
        actor.Tell("b", TestActor.Ref);
        actor.Tell("ready", TestActor.Ref);
        actor.Tell("c", TestActor.Ref);
        Assert.Equal(["a", "b", "c"], TestActor.ReceiveN(3));
    }

    [Fact]
    public void ReceiveAsync_suspends_the_actor_until_the_task_completes()
    {
        var actor = ActorOf<AsyncWorker>("worker");
        actor.Tell(3, TestActor.Ref);
        actor.Tell(1, TestActor.Ref);
        Assert.Equal(["start 3", "end 3", "start 1", "end 1"], TestActor.ReceiveN(4));
    }

    [Fact]
    public void A_failing_async_handler_is_a_failure_of_the_actor()
    {
        var actor = ActorOf<AsyncWorker>("worker");
        actor.Tell(-1, TestActor.Ref);
        TestActor.FishForMessage<string>(s => s == "start -1");
        RunUntilQuiescent();
        Assert.Contains(LoggedErrors, e => e.Exception is ArgumentOutOfRangeException);
        actor.Tell(2, TestActor.Ref);
        Assert.Equal(["start 2", "end 2"], TestActor.ReceiveN(2));
    }

    [Fact]
    public void An_async_handler_can_await_an_ask_in_virtual_time()
    {
        var echo = ActorOf<Probing.Echo>("echo");
        var relay = ActorOf(Props.Create(() => new AskingRelay(echo)), "relay");
        relay.Tell("x", TestActor.Ref);
        ExpectMsg<string>(s => s == "relayed x");
    }

    private sealed class Door : ReceiveActor
    {
        public Door()
        {
            Receive<string>(_ => Sender.Tell("closed"), when: s => s == "knock");
            Receive<string>(_ => Become(Open), when: s => s == "open");
        }

        private void Open()
        {
            Receive<string>(_ => Sender.Tell("come in"), when: s => s == "knock");
            Receive<string>(_ => Unbecome(), when: s => s == "close");
        }
    }

    private sealed class Initialising : ActorBase
    {
        protected override void OnReceive(object message)
        {
            if (message is "ready")
            {
                Become(m => Sender.Tell(m));
                Stash.UnstashAll();
            }
            else
            {
                Stash.Stash();
            }
        }
    }

    private sealed class AsyncWorker : ReceiveActor
    {
        public AsyncWorker() => ReceiveAsync<int>(async n =>
        {
            var replyTo = Sender;
            replyTo.Tell($"start {n}");
            await Task.Run(() => ArgumentOutOfRangeException.ThrowIfNegative(n));
            await Task.Yield();
            replyTo.Tell($"end {n}");
        });
    }

    private sealed class AskingRelay : ReceiveActor
    {
        public AskingRelay(IActorRef echo) => ReceiveAsync<string>(async s =>
        {
            var replyTo = Sender;
            var answer = await echo.Ask<string>(s, TimeSpan.FromSeconds(1));
            replyTo.Tell("relayed " + answer);
        });
    }
}
