using static EdgeMoE.Actors.Tests.Probing;

namespace EdgeMoE.Actors.Tests.Incarnations;

public sealed class ActorUidTests : ActorTestKit
{
    [Fact]
    public void Every_created_actor_has_a_defined_uid_and_its_serialized_path_shows_it()
    {
        var actor = ActorOf<Echo>("echo");
        Assert.NotEqual(ActorPath.UndefinedUid, actor.Path.Uid);
        Assert.Equal($"edgemoe://test/user/echo#{actor.Path.Uid}", actor.Path.ToSerializationFormat());
        Assert.Equal("edgemoe://test/user/echo", actor.Path.ToString());
    }

    [Fact]
    public void A_new_actor_with_a_reused_name_is_not_equal_to_the_stopped_one()
    {
        var first = StopAndRecreate("echo", out var second);
        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first.Path.Uid, second.Path.Uid);
        Assert.NotEqual(first, second);
        Assert.NotEqual(0, first.CompareTo(second));
        Assert.Equal(2, new HashSet<IActorRef> { first, second }.Count);
    }

    [Fact]
    public void Messages_to_a_stale_ref_go_to_dead_letters_when_the_name_is_reused()
    {
        var stale = StopAndRecreate("echo", out var fresh);
        stale.Tell("to the old one", TestActor.Ref);
        fresh.Tell("to the new one", TestActor.Ref);
        ExpectMsg<string>(s => s == "to the new one");
        ExpectNoMsg();
        var dead = Assert.Single(DeadLetters, d => d.Message is "to the old one");
        Assert.Equal(stale, dead.Recipient);
        Assert.NotEqual(fresh, dead.Recipient);
    }

    [Fact]
    public void Watching_a_stale_ref_delivers_Terminated_without_confirmed_existence()
    {
        var stale = StopAndRecreate("echo", out var fresh);
        TestActor.Watch(stale);
        var terminated = TestActor.ExpectTerminated(stale);
        Assert.False(terminated.ExistenceConfirmed);
        Assert.NotEqual(fresh, terminated.ActorRef);
        TestActor.ExpectNoMsg();

        TestActor.Watch(fresh);
        RunUntilQuiescent();
        Sys.Stop(fresh);
        Assert.True(TestActor.ExpectTerminated(fresh).ExistenceConfirmed);
    }

    [Fact]
    public void A_stopped_child_holds_its_name_until_its_termination_is_processed()
    {
        var parent = ActorOf(Props.Create(() => new Reincarnator(TestActor.Ref)), "parent");
        parent.Tell("go");
        ExpectMsg<string>(s => s == "name held while stopping");
        var report = ExpectMsg<Recreated>();
        Assert.Equal(report.Old.Path, report.New.Path);
        Assert.NotEqual(report.Old, report.New);
        Assert.Equal(report.New, report.Lookup);
    }

    [Fact]
    public void A_watch_on_the_old_incarnation_does_not_swallow_a_watch_on_the_new_one()
    {
        var parent = ActorOf(Props.Create(() => new Reincarnator(TestActor.Ref)), "parent");
        parent.Tell("go");
        ExpectMsg<string>(s => s == "name held while stopping");
        var report = ExpectMsg<Recreated>();
        var old = ExpectMsg<Terminated>();
        var current = ExpectMsg<Terminated>();
        Assert.Equal(report.Old, old.ActorRef);
        Assert.False(old.ExistenceConfirmed);
        Assert.Equal(report.New, current.ActorRef);
        Assert.True(current.ExistenceConfirmed);
    }

    [Fact]
    public void A_serialized_path_resolves_to_its_incarnation_and_a_stale_one_to_nobody()
    {
        var stale = StopAndRecreate("echo", out var fresh);
        Assert.Equal(fresh, Sys.ResolveActorRef(fresh.Path.ToSerializationFormat()));
        Assert.Equal(fresh, Sys.ResolveActorRef(fresh.Path.ToString()));

        var resolvedStale = Sys.ResolveActorRef(stale.Path.ToSerializationFormat());
        Assert.Equal(stale, resolvedStale);
        resolvedStale.Tell("late", TestActor.Ref);
        ExpectNoMsg();
        Assert.Contains(DeadLetters, d => d.Message is "late" && d.Recipient.Equals(stale));

        TestActor.Watch(resolvedStale);
        Assert.False(TestActor.ExpectTerminated(resolvedStale).ExistenceConfirmed);
    }

    [Fact]
    public void Paths_of_no_actor_resolve_to_references_that_dead_letter()
    {
        var missing = Sys.ResolveActorRef("edgemoe://test/user/nobody/here");
        Assert.Equal("edgemoe://test/user/nobody/here", missing.Path.ToString());
        missing.Tell("lost");
        Assert.Contains(DeadLetters, d => d.Message is "lost" && d.Recipient.Equals(missing));
        Assert.Equal(Sys.DeadLetters, Sys.ResolveActorRef(Sys.DeadLetters.Path));
        Assert.Equal("edgemoe://elsewhere/user/echo", Sys.ResolveActorRef("edgemoe://elsewhere/user/echo").Path.ToString());
    }

    [Fact]
    public void Uids_are_the_same_for_the_same_seed_and_differ_across_seeds()
    {
        var reference = UidsOf(seed: 5, parallelism: 1);
        Assert.Equal(reference, UidsOf(seed: 5, parallelism: 1));
        Assert.Equal(reference, UidsOf(seed: 5, parallelism: 4));
        var other = UidsOf(seed: 6, parallelism: 1);
        Assert.Equal(reference.Keys, other.Keys);
        Assert.All(reference, pair => Assert.NotEqual(pair.Value, other[pair.Key]));
        Assert.Equal(reference.Count, reference.Values.Distinct().Count());
    }

    [Fact]
    public void Sends_of_two_incarnations_with_equal_keys_still_have_a_definite_delivery_order()
    {
        var target = (ActorRefBase)Sys.DeadLetters;
        var origin = ActorPath.Parse("edgemoe://test/user/ticker");
        var old = new PendingDelivery(target, origin.WithUid(-3), 1, null, new Envelope("old", null));
        var current = new PendingDelivery(target, origin.WithUid(8), 1, null, new Envelope("new", null));
        Assert.True(PendingDelivery.CanonicalOrder.Compare(old, current) < 0);
        Assert.True(PendingDelivery.CanonicalOrder.Compare(current, old) > 0);
        Assert.Equal(0, PendingDelivery.CanonicalOrder.Compare(old, old with { Origin = origin.WithUid(-3) }));
    }

    private IActorRef StopAndRecreate(string name, out IActorRef fresh)
    {
        var first = ActorOf<Echo>(name);
        TestActor.Watch(first);
        Sys.Stop(first);
        TestActor.ExpectTerminated(first);
        fresh = ActorOf<Echo>(name);
        return first;
    }

    // Parents spawn children from their own turns, in parallel supersteps; a re-created name must get a new uid.
    private static SortedDictionary<string, long> UidsOf(ulong seed, int parallelism)
    {
        var system = ActorSystem.Create("uids", new ActorSystemSettings { Seed = seed, Parallelism = parallelism });
        try
        {
            for (var i = 0; i < 6; i++)
            {
                system.ActorOf(Props.Create(() => new Spawner(4)), $"parent-{i}");
            }

            system.ActorOf<Echo>();
            system.RunUntilQuiescent();
            var uids = new SortedDictionary<string, long>(StringComparer.Ordinal);
            for (var i = 0; i < 6; i++)
            {
                var parent = system.ResolveActorRef($"edgemoe://uids/user/parent-{i}");
                uids[parent.Path.ToString()] = parent.Path.Uid;
                for (var c = 0; c < 4; c++)
                {
                    var child = system.ResolveActorRef($"edgemoe://uids/user/parent-{i}/child-{c}");
                    uids[child.Path.ToString()] = child.Path.Uid;
                }

                var reborn = system.ResolveActorRef($"edgemoe://uids/user/parent-{i}/reborn");
                uids[reborn.Path.ToString()] = reborn.Path.Uid;
            }

            uids["$a"] = system.ResolveActorRef("edgemoe://uids/user/$a").Path.Uid;
            uids["user"] = system.ResolveActorRef("edgemoe://uids/user").Path.Uid;
            return uids;
        }
        finally
        {
            system.Terminate().Wait();
        }
    }

    private sealed class Spawner(int children) : ActorBase
    {
        private IActorRef? _firstReborn;

        protected override void PreStart()
        {
            for (var c = 0; c < children; c++)
            {
                Context.ActorOf(Props.Create<Echo>(), $"child-{c}");
            }

            _firstReborn = Context.Watch(Context.ActorOf(Props.Create<Echo>(), "reborn"));
            Context.Stop(_firstReborn);
        }

        protected override void OnReceive(object message)
        {
            if (message is Terminated terminated && terminated.ActorRef.Equals(_firstReborn))
            {
                Context.ActorOf(Props.Create<Echo>(), "reborn");
            }
        }
    }

    /// <summary>
    /// Stops a watched child and tries its name at once; once the death is processed, re-creates the child, watches
    /// the new and (again) the old incarnation, stops the new one and reports every further <see cref="Terminated"/>.
    /// </summary>
    private sealed class Reincarnator(IActorRef probe) : ActorBase
    {
        private IActorRef? _old;
        private bool _recreated;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "go":
                    _old = Context.Watch(Context.ActorOf(Props.Create<Echo>(), "kid"));
                    Context.Stop(_old);
                    try
                    {
                        Context.ActorOf(Props.Create<Echo>(), "kid");
                    }
                    catch (InvalidActorNameException)
                    {
                        probe.Tell("name held while stopping");
                    }

                    break;
                case Terminated terminated when !_recreated && terminated.ActorRef.Equals(_old):
                    _recreated = true;
                    var fresh = Context.ActorOf(Props.Create<Echo>(), "kid");
                    probe.Tell(new Recreated(_old!, fresh, Context.Child("kid")!));
                    Context.Watch(fresh);
                    Context.Watch(_old!);
                    Context.Stop(fresh);
                    break;
                case Terminated terminated:
                    probe.Tell(terminated);
                    break;
            }
        }
    }

    private sealed record Recreated(IActorRef Old, IActorRef New, IActorRef Lookup);
}
