using Akka.Actor;
using EdgeMoE.Actors.Jesa.Messages;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>JESA's wiring messages on the wire: actor references as serialized paths, absent ones as a presence byte.</summary>
public static class JesaWiringWire
{
    /// <summary>Writes a <see cref="LinkWiring"/>.</summary>
    public static void Write(WireWriter w, LinkWiring m)
    {
        w.WriteCount(m.Nodes.Length);
        foreach (var node in m.Nodes)
        {
            w.WriteActorRef(node);
        }
    }

    /// <summary>Reads a <see cref="LinkWiring"/>.</summary>
    public static LinkWiring ReadLinkWiring(WireReader r)
    {
        var nodes = new IActorRef[r.ReadCount()];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = r.ReadActorRef();
        }

        return new LinkWiring(nodes);
    }

    /// <summary>Writes a <see cref="NodeWiring"/>.</summary>
    public static void Write(WireWriter w, NodeWiring m)
    {
        w.WriteActorRef(m.Coordinator);
        w.WriteCount(m.Links.Length);
        foreach (var link in m.Links)
        {
            w.WriteOptional(link, (ww, l) => ww.WriteActorRef(l));
        }
    }

    /// <summary>Reads a <see cref="NodeWiring"/>.</summary>
    public static NodeWiring ReadNodeWiring(WireReader r)
    {
        var coordinator = r.ReadActorRef();
        var links = new IActorRef?[r.ReadCount()];
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = r.ReadOptional(rr => rr.ReadActorRef());
        }

        return new NodeWiring(coordinator, links);
    }
}
