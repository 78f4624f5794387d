namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>One row of the authorization matrix: a route with a harmless body, and who it admits.</summary>
public sealed record RouteCase(string Method, string Path, string? Body, Access Access)
{
    public string Key => $"{Method} {Path}";

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));

        // As a REST client sends a body-less change (cross-site request protection, interfaces.md).
        request.Headers.Add("X-Requested-With", "authz-matrix");
        if (Body is not null)
        {
            request.Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
