namespace EdgeMoE.Actors.Cluster.Wire;

// TEMPORARY STUB (lead's local compile only; replaced by the wire branch before commit)
public static class EdgeMoeWire
{
    public static Akka.Configuration.Config Configuration { get; } = Akka.Configuration.Config.Empty;
}
