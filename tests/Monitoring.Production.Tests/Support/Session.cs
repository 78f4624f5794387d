using System.Net;

namespace Monitoring.Production.Tests.Support;

/// <summary>An HTTP client with its own cookie jar (signed in or anonymous), never following redirects.</summary>
public sealed class Session : IDisposable
{
    public Session(Uri baseAddress, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies }, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    public void Dispose() => Http.Dispose();
}
