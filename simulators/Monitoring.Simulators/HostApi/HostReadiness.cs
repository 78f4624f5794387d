namespace Monitoring.Simulators.HostApi;

/// <summary>
/// Waits for a host that is still starting: polls GET /health/ready until it answers 200 (silo active, push
/// path registered, MQTT subscribed), so a client started beside the host does not race its start-up.
/// </summary>
public static class HostReadiness
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <exception cref="TimeoutException">The host was not ready within <paramref name="timeout"/>.</exception>
    public static async Task WaitAsync(Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var last = "no answer";
        try
        {
            while (true)
            {
                try
                {
                    using var answer = await http.GetAsync(new Uri(HostRoutes.Ready, UriKind.Relative), deadline.Token).ConfigureAwait(false);
                    if (answer.IsSuccessStatusCode)
                    {
                        return;
                    }

                    last = $"HTTP {(int)answer.StatusCode}";
                }
                catch (HttpRequestException ex)
                {
                    // Not listening yet: the host is still starting.
                    last = ex.Message;
                }
                catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                {
                    last = "no answer within 5 s";
                }

                await Task.Delay(Poll, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{baseUrl} was not ready within {timeout.TotalSeconds:0} s (GET {HostRoutes.Ready}: {last})");
        }
    }
}
