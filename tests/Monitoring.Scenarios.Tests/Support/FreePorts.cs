using System.Net;
using System.Net.Sockets;

namespace Monitoring.Scenarios.Tests.Support;

/// <summary>Free loopback ports, so the test host's broker and silo do not collide with another host (1883, 11111).</summary>
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
