using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Grains;
using Monitoring.Production.Tests.Support;

namespace Monitoring.Production.Tests;

/// <summary>
/// Issue 13 item 9: with a cluster certificate the silo and gateway ports speak mutual TLS only. Two hosts form one
/// cluster through it; a client without the certificate, or with another certificate of the same name, is refused; a
/// client holding the cluster certificate gets through the handshake (so the refusals are the certificate's doing).
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class ClusterTlsTests(Stores stores) : IAsyncLifetime
{
    private readonly ClusterCertificate _cluster = ClusterCertificate.Create("monitoring-cluster");
    private ProductionHost _one = null!;
    private ProductionHost _two = null!;

    public async Task InitializeAsync()
    {
        var identity = ClusterIdentity.New();
        var clock = DateTimeOffset.UtcNow;
        clock = new DateTimeOffset(clock.UtcTicks - (clock.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var tuning = _cluster.Settings(new Dictionary<string, string> { ["Grains:Push:ObserverCacheFor"] = "00:00:00.100" });
        _one = await ProductionHost.StartAsync(stores, identity, clock, "tls-1", tuning);
        _two = await ProductionHost.StartAsync(stores, identity, clock, "tls-2", tuning);
    }

    public async Task DisposeAsync()
    {
        await _two.StopAsync();
        await _one.StopAsync();
        _cluster.Dispose();
    }

    [Fact]
    public async Task Two_hosts_with_the_cluster_certificate_form_one_cluster()
    {
        var hubs = _one.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IHubListGrain>(0);

        await Polling.Until(async () => (await hubs.GetObservers()).Count, n => n == 2, "both silos' push observers in the hub list", ProductionHost.Generous);
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("gateway")]
    public async Task A_client_without_the_cluster_certificate_is_refused_and_one_with_it_gets_through(string port)
    {
        var target = port == "silo" ? _one.Factory.SiloPort : _one.Factory.GatewayPort;
        using var stranger = ClusterCertificate.Create("monitoring-cluster");

        Assert.False(await StaysOpenAfterHandshake(target, null), "no client certificate");
        Assert.False(await StaysOpenAfterHandshake(target, stranger.Certificate), "a certificate of the same name but not the cluster's");
        Assert.True(await StaysOpenAfterHandshake(target, _cluster.Certificate), "the cluster certificate");
    }

    /// <summary>
    /// TLS to the port as a client with <paramref name="certificate"/> (or none). Under TLS 1.3 the client can finish its
    /// side before the server has judged its certificate, so "refused" is: the handshake fails or the server then closes.
    /// </summary>
    private async Task<bool> StaysOpenAfterHandshake(int port, X509Certificate2? certificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        // The silo must present the cluster certificate (self-signed, so pinned here rather than chained).
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false,
            (_, server, _, _) => server is not null && server.GetCertHashString() == _cluster.Certificate.Thumbprint);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "monitoring-cluster",
                ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
            });
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }

        return await StaysOpen(tls);
    }

    /// <summary>Open: the connection is not closed within 2 s (the silo waits for the Orleans preamble).</summary>
    private static async Task<bool> StaysOpen(Stream stream)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            var buffer = new byte[256];
            while (await stream.ReadAsync(buffer, wait.Token) > 0)
            {
            }

            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }
    }
}
