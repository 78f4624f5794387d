using System.Net;
using System.Net.Sockets;

namespace Monitoring.Browser.Tests.Support;

/// <summary>Free loopback ports, so each test host has its own broker and silo ports (1883 and 11111 would collide).</summary>
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
