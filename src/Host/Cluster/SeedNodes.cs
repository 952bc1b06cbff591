using System.Globalization;
using Akka.Actor;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Cluster;

/// <summary>The <c>--seed-nodes HOST:PORT[,HOST:PORT...]</c> option as Akka addresses of EdgeMoE members.</summary>
internal static class SeedNodes
{
    /// <summary>The actor system name every member of an EdgeMoE cluster shares.</summary>
    public const string SystemName = "edgemoe";

    /// <summary>Akka's protocol name of the DotNetty TCP transport over TLS (every member runs TLS).</summary>
    public const string Protocol = EdgeMoE.Actors.Cluster.Tls.ClusterTls.Protocol;

    /// <exception cref="BadInputException">An empty list or an entry that is not HOST:PORT with a port in 1..65535.</exception>
    public static IReadOnlyList<Address> Parse(string text, string option = "--seed-nodes")
    {
        var entries = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            throw new BadInputException($"{option}: give at least one HOST:PORT, e.g. 10.0.0.5:4053");
        }

        return [.. entries.Select(entry => Address(entry, option))];
    }

    /// <summary>The address of the member listening on <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static Address Of(string host, int port) => new(Protocol, SystemName, host, port);

    /// <summary>"HOST:PORT" of a member (how the command line names it).</summary>
    public static string Describe(Address address) => $"{address.Host}:{address.Port}";

    private static Address Address(string entry, string option)
    {
        var colon = entry.LastIndexOf(':');
        var host = colon > 0 ? entry[..colon].Trim('[', ']') : "";
        if (colon <= 0 || host.Length == 0 || host.Contains('/') ||
            !int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new BadInputException($"{option}: \"{entry}\" is not HOST:PORT with a port in 1..65535, e.g. 10.0.0.5:4053");
        }

        return Of(host, port);
    }
}
