namespace EdgeMoE.Actors.Runtime;

/// <summary>The actor of <c>/</c>, <c>/user</c> and <c>/system</c>: it only supervises.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected override void OnReceive(object message) => Unhandled(message);
}
