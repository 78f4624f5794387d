namespace Monitoring.Simulators.HostApi;

/// <summary>The host answered a call the simulator cannot go on without (sign-in, the clock) with an error.</summary>
public sealed class HostApiException : Exception
{
    public HostApiException()
    {
    }

    public HostApiException(string message)
        : base(message)
    {
    }

    public HostApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HostApiException(string what, HostResponse response)
        : base($"{what}: HTTP {response?.StatusCode} {Truncate(response?.Body)}")
    {
        Response = response;
    }

    public HostResponse? Response { get; }

    private static string Truncate(string? body) => body is null ? "" : body.Length <= 300 ? body : body[..300];
}
