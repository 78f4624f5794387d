using System.Net;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>An HTTP client with its own cookie jar (signed in or anonymous), never following redirects.</summary>
public sealed class Session : IDisposable
{
    public Session(Uri baseAddress)
    {
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies }, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    public void Dispose() => Http.Dispose();
}
