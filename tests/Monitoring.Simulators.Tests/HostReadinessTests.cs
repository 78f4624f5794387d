using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Simulators.Tests;

/// <summary>`ward --wait-ready`: a ward started beside a host that is still starting waits for /health/ready.</summary>
public sealed class HostReadinessTests
{
    [Fact]
    public async Task It_waits_through_refused_connections_and_503_until_the_host_answers_200()
    {
        var port = FreePorts.Next();
        var url = new Uri($"http://127.0.0.1:{port}");
        var waiting = HostReadiness.WaitAsync(url, TimeSpan.FromSeconds(30), CancellationToken.None);

        // Nothing listens yet: the wait goes on.
        await Task.Delay(1200);
        Assert.False(waiting.IsCompleted);

        var asked = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.ToString());
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet(HostRoutes.Ready, () => Interlocked.Increment(ref asked) <= 3 ? Results.StatusCode(503) : Results.Ok());
        await app.StartAsync();

        await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(4, Volatile.Read(ref asked));
    }

    [Fact]
    public async Task A_host_that_never_gets_ready_is_a_timeout_naming_the_address_and_the_last_answer()
    {
        var url = new Uri($"http://127.0.0.1:{FreePorts.Next()}");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => HostReadiness.WaitAsync(url, TimeSpan.FromSeconds(2), CancellationToken.None));

        Assert.Contains(url.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("/health/ready", error.Message, StringComparison.Ordinal);
    }
}
