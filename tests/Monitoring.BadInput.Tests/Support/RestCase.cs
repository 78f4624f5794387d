using System.Text;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>One generated request: method, raw path (segments already percent-encoded, or deliberately not), body and content type.</summary>
public sealed record RestCase(string Route, string Method, string Path, string? ContentType, byte[]? Body, bool AsNurse)
{
    public override string ToString() =>
        $"{Route}: {Method} {Json.Show(Path, 200)} as {(AsNurse ? "nurse" : "charge")}, Content-Type {ContentType ?? "(none)"}, "
        + (Body is null ? "no body" : $"{Body.Length} bytes: {Json.Show(Encoding.UTF8.GetString(Body), 400)}");
}
