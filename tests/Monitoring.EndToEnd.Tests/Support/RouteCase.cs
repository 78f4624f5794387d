namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>One row of the authorization matrix: a route with a harmless body, and who it admits.</summary>
public sealed record RouteCase(string Method, string Path, string? Body, Access Access)
{
    public string Key => $"{Method} {Path}";

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            request.Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
