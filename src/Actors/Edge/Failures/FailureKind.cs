namespace EdgeMoE.Actors.Edge.Failures;

/// <summary>What a scheduled failure does (the <c>kind</c> of an entry of <c>edgemoe.stable-moe.failures</c>).</summary>
public enum FailureKind
{
    /// <summary>One expert server and its link crash: actors stopped, queues lost; back with fresh actors when it recovers.</summary>
    CrashServer,

    /// <summary>Every server on one edge node crashes (in a cluster, the node's edge actors); back when it recovers.</summary>
    CrashNode,

    /// <summary>An edge node is cut off from the coordinator; its servers keep weights and energy queues and return at the heal.</summary>
    Partition,

    /// <summary>A server's link carries traffic at a fraction of its rate for a window of slots.</summary>
    SlowLink,
}
