using System.Net;
using System.Net.Sockets;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// A loopback TCP relay in front of a store (Redis, PostgreSQL): the host is pointed at the relay, and the test makes
/// the store "briefly unreachable" by severing it (every open connection is cut and new ones are refused) and then
/// restoring it on the same port, while the store itself keeps running untouched.
/// </summary>
public sealed class SeverableProxy : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource _stopping = new();
    private Task _accepting = Task.CompletedTask;

    public SeverableProxy(int targetPort)
    {
        _targetPort = targetPort;
        Port = FreePorts.Next();
        Restore();
    }

    public int Port { get; }

    /// <summary>Cuts every relayed connection and stops listening: the store is unreachable until <see cref="Restore"/>.</summary>
    public async Task SeverAsync()
    {
        await _stopping.CancelAsync();
        _listener?.Stop();
        _listener = null;
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }

        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stopping.Dispose();
        _stopping = new CancellationTokenSource();
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener, _stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await SeverAsync();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            var outbound = new TcpClient();
            lock (_connections)
            {
                _connections.Add(inbound);
                _connections.Add(outbound);
            }

            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, cancellationToken);
            }
            catch (SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            _ = RelayAsync(inbound, outbound, cancellationToken);
            _ = RelayAsync(outbound, inbound, cancellationToken);
        }
    }

    private static async Task RelayAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException or InvalidOperationException)
        {
            // Either side went away, or the relay was severed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
