using System.Net;
using System.Net.Sockets;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>
/// A TCP forwarder on loopback that passes every connection on to one target port and records the bytes both ways,
/// to look at what nodes put on the wire.
/// </summary>
internal sealed class RecordingForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Connection> _connections = [];
    private readonly Task _accepting;
    private readonly int _targetPort;

    public RecordingForwarder(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <summary>What each connection's client sent, in order of connection.</summary>
    public IReadOnlyList<byte[]> FromClients
    {
        get
        {
            lock (_connections)
            {
                return [.. _connections.Select(c => c.FromClient.Snapshot())];
            }
        }
    }

    /// <summary>Every byte recorded, both directions of every connection.</summary>
    public byte[] AllBytes
    {
        get
        {
            lock (_connections)
            {
                return [.. _connections.SelectMany(c => c.FromClient.Snapshot().Concat(c.FromServer.Snapshot()))];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener stopped under the pending accept: that is how the loop ends.
        }

        Connection[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            var connection = new Connection(client, server);
            lock (_connections)
            {
                _connections.Add(connection);
            }

            connection.Start(_stop.Token);
        }
    }

    private sealed class Connection(TcpClient client, TcpClient server) : IDisposable
    {
        public Recording FromClient { get; } = new();

        public Recording FromServer { get; } = new();

        public void Start(CancellationToken stop)
        {
            _ = Pump(client.GetStream(), server.GetStream(), FromClient, stop);
            _ = Pump(server.GetStream(), client.GetStream(), FromServer, stop);
        }

        public void Dispose()
        {
            client.Dispose();
            server.Dispose();
        }

        private async Task Pump(NetworkStream from, NetworkStream to, Recording recording, CancellationToken stop)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await from.ReadAsync(buffer, stop)) > 0)
                {
                    recording.Add(buffer.AsSpan(0, read));
                    await to.WriteAsync(buffer.AsMemory(0, read), stop);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Either end hung up or the forwarder stopped; what was recorded stays.
            }
            finally
            {
                Dispose();
            }
        }
    }

    private sealed class Recording
    {
        private readonly MemoryStream _bytes = new();

        public void Add(ReadOnlySpan<byte> chunk)
        {
            lock (_bytes)
            {
                _bytes.Write(chunk);
            }
        }

        public byte[] Snapshot()
        {
            lock (_bytes)
            {
                return _bytes.ToArray();
            }
        }
    }
}
