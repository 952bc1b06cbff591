using EdgeMoE.Actors.Runtime;

namespace EdgeMoE.Actors.Tests;

/// <summary>Small actors the tests share.</summary>
internal static class Probing
{
    /// <summary>Replies to every message with the same message.</summary>
    public sealed class Echo : ActorBase
    {
        protected override void OnReceive(object message) => Sender.Tell(message);
    }

    /// <summary>Reports its lifecycle events to a probe as strings "name:Event".</summary>
    public class Reporting(IActorRef probe, string name) : ActorBase
    {
        protected IActorRef Probe => probe;

        protected string Name => name;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Exception error:
                    throw error;
                case SpawnChild spawn:
                    Context.ActorOf(Props.Create(() => new Reporting(probe, spawn.Name)), spawn.Name);
                    Sender.Tell("spawned:" + spawn.Name);
                    break;
                default:
                    probe.Tell($"{name}:got:{message}");
                    break;
            }
        }

        protected override void PreStart() => probe.Tell($"{name}:PreStart");

        protected override void PostStop() => probe.Tell($"{name}:PostStop");

        protected override void PreRestart(Exception reason, object? message)
        {
            probe.Tell($"{name}:PreRestart:{reason.Message}");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            probe.Tell($"{name}:PostRestart");
            base.PostRestart(reason);
        }
    }

    public sealed record SpawnChild(string Name);

    public sealed record WhoAreYou;

    /// <summary>Creates one child with the given strategy and forwards everything else to it.</summary>
    public sealed class Supervisor(SupervisorStrategy strategy, Func<Props> child, int children = 1) : ActorBase
    {
        protected override void PreStart()
        {
            for (var i = 0; i < children; i++)
            {
                Context.ActorOf(child(), $"child-{i}");
            }
        }

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case (int index, object payload):
                    Context.Child($"child-{index}")!.Forward(payload);
                    break;
                default:
                    Context.Child("child-0")!.Forward(message);
                    break;
            }
        }

        protected internal override SupervisorStrategy SupervisorStrategy() => strategy;
    }

    /// <summary>Counts messages; "count" replies with the count; an exception message is thrown.</summary>
    public sealed class Counter : ActorBase
    {
        private int _count;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Exception error:
                    throw error;
                case "count":
                    Sender.Tell(_count);
                    break;
                case WhoAreYou:
                    Sender.Tell(Self);
                    break;
                default:
                    _count++;
                    break;
            }
        }
    }
}
