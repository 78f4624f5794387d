using System.Net;
using System.Net.Sockets;

namespace Monitoring.LocalServers;

/// <summary>Free loopback ports, never handed out twice in one run, so each server, broker, silo and gateway has its own (1883 and 11111 would collide).</summary>
public static class FreePorts
{
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
