using System.Net;
using System.Net.Sockets;

namespace Monitoring.LocalServers;

/// <summary>
/// A loopback TCP relay to a server (a broker, Redis, PostgreSQL), opened and severed when the test says: a client
/// pointed at its port cannot reach the server until <see cref="Open"/> (its connection attempts are refused, and it
/// retries), and after <see cref="SeverAsync"/> every relayed connection is cut and new ones are refused until it
/// is opened again, on the same port, while the server itself stays up and untouched.
/// </summary>
public sealed class TcpForwarder(int listenPort, int targetPort) : IAsyncDisposable
{
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource _stopping = new();
    private Task _accepting = Task.CompletedTask;

    public int Port => listenPort;

    /// <summary>Starts (or, after <see cref="SeverAsync"/>, starts again) relaying on the listen port.</summary>
    public void Open()
    {
        var listener = new TcpListener(IPAddress.Loopback, listenPort);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener, _stopping.Token);
    }

    /// <summary>Cuts every relayed connection and stops listening: the server is unreachable until <see cref="Open"/>.</summary>
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
                await outbound.ConnectAsync(IPAddress.Loopback, targetPort, cancellationToken);
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
