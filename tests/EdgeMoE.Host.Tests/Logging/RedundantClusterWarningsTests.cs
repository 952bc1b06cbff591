using Akka.Event;
using EdgeMoE.Host.Logging;

namespace EdgeMoE.Host.Tests.Logging;

public sealed class RedundantClusterWarningsTests
{
    [Theory]
    [InlineData("Cluster Node [akka.ssl.tcp://edgemoe@127.0.0.1:4053] - Marking node(s) as UNREACHABLE [Member(...)]")]
    [InlineData("Association with remote system akka.ssl.tcp://edgemoe@127.0.0.1:4054 has failed; address is now gated for 5000 ms.")]
    [InlineData("Tried to associate with unreachable remote address [akka.ssl.tcp://edgemoe@127.0.0.1:4054]. Address is now gated for 5000 ms")]
    [InlineData("SBR took decision Akka.Cluster.SBR.DownUnreachable and is downing [akka.ssl.tcp://edgemoe@127.0.0.1:4054]")]
    public void Akka_warnings_about_a_lost_member_are_left_to_the_one_line_of_edgemoe(string message) =>
        Assert.True(RedundantClusterWarnings.Covers(new Warning("cluster", typeof(object), message)));

    [Theory]
    [InlineData("Deserialization failed for message with serializer id [417]: EdgeMoE wire: TokenDispatch: truncated at byte 37 of 40")]
    [InlineData("edge node akka.ssl.tcp://edgemoe@127.0.0.1:4054 is unreachable (during stable-moe at slot 12)")]
    [InlineData("heartbeat interval is growing too large for address akka.ssl.tcp://edgemoe@127.0.0.1:4054: 2272 millis")]
    public void Every_other_warning_is_printed(string message) =>
        Assert.False(RedundantClusterWarnings.Covers(new Warning("remoting", typeof(object), message)));

    [Fact]
    public void Errors_are_printed_unless_a_closed_connection_caused_them() =>
        Assert.False(RedundantClusterWarnings.Covers(new Error(new InvalidOperationException("boom"), "endpointWriter", typeof(object), "Marking node(s) as UNREACHABLE")));
}
