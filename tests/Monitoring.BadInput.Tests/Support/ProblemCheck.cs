using System.Text.Json;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// What every answer to bad input must be (interfaces.md, REST): never a 5xx; a 4xx is application/problem+json with
/// status, title, the field at fault and a specific error.
/// </summary>
public static class ProblemCheck
{
    public const int MaxErrorLength = 400;

    /// <summary>
    /// Kestrel refuses some requests itself, with a bare status, before any middleware runs, so no application can
    /// put a problem body on them: a path holding an encoded NUL (400), a request line over 8 KB (414).
    /// </summary>
    public static bool RefusedByServer(int status, string path) =>
        status == 414 || (status == 400 && path.Contains("%00", StringComparison.Ordinal));

    public static async Task Verify(HttpResponseMessage response, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            throw new PropertyFailedException($"answered {status}: {Json.Show(text)}");
        }

        if (status < 400 || (text.Length == 0 && RefusedByServer(status, path)))
        {
            return;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != "application/problem+json")
        {
            throw new PropertyFailedException($"answered {status} as {mediaType ?? "no content type"}, not a problem: {Json.Show(text)}");
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException ex)
        {
            throw new PropertyFailedException($"answered {status} with a problem that is not JSON ({ex.Message}): {Json.Show(text)}");
        }

        var error = problem.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var title = problem.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var statusOk = problem.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() == status;
        if (!statusOk || string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(error) || error.Length > MaxErrorLength
            || !problem.TryGetProperty("field", out _))
        {
            throw new PropertyFailedException($"answered {status} without a specific reason (status, title, field and a short error): {Json.Show(text)}");
        }
    }
}
