using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Monitoring.Ingest.Parsing;

namespace Monitoring.Host.Endpoints;

/// <summary>
/// Reads a request body strictly (plain JSON numbers, no unknown fields) and turns a bad one into a 400
/// that names the field, instead of the framework's empty 400.
/// </summary>
public sealed class JsonBody
{
    /// <summary>A duplicate key is refused as ingest refuses it (a JsonObject holding one would throw later, answering 500).</summary>
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    private readonly JsonSerializerOptions _strict;

    public JsonBody(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> options)
    {
        _strict = new JsonSerializerOptions(options.Value.SerializerOptions)
        {
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
        };
    }

    public JsonSerializerOptions Options => _strict;

    public async Task<BodyRead<T>> Read<T>(HttpRequest request)
        where T : class
    {
        var node = await ReadObject(request);
        return node.Error is not null ? new BodyRead<T>(null, node.Error) : Convert<T>(node.Value!);
    }

    public BodyRead<T> Convert<T>(JsonObject body)
        where T : class
    {
        try
        {
            var value = body.Deserialize<T>(_strict);
            return value is null ? new BodyRead<T>(null, ApiResults.BadRequest("", "the body is empty")) : new BodyRead<T>(value, null);
        }
        catch (JsonException ex)
        {
            return new BodyRead<T>(null, ApiResults.BadRequest(FieldOf(ex), Describe(ex)));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or FormatException or OverflowException)
        {
            return new BodyRead<T>(null, ApiResults.BadRequest("", JsonReaderMessage.Shorten(ex.Message)));
        }
    }

    /// <summary>The body as a JSON object (for PATCH and for bodies validated elsewhere).</summary>
    public async Task<BodyRead<JsonObject>> ReadObject(HttpRequest request)
    {
        if (request.ContentLength == 0)
        {
            return new BodyRead<JsonObject>(null, ApiResults.BadRequest("", "a JSON object body is required"));
        }

        if (!request.HasJsonContentType())
        {
            return new BodyRead<JsonObject>(null, ApiResults.Problem(StatusCodes.Status415UnsupportedMediaType, "", "the body must be application/json"));
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException ex)
        {
            // Over Kestrel's body limit (413), or a body that ended early: the server's own reason.
            return new BodyRead<JsonObject>(null, ApiResults.Problem(ex.StatusCode, "", ex.Message));
        }

        // The reader checks UTF-8 only where it must: a bad byte in a name or a string would throw later, answering 500.
        if (!Utf8.IsValid(bytes))
        {
            return new BodyRead<JsonObject>(null, ApiResults.BadRequest("", "the body is not valid JSON: it is not UTF-8"));
        }

        try
        {
            var node = JsonNode.Parse(bytes, documentOptions: DocumentOptions);
            if (node is not JsonObject obj)
            {
                return new BodyRead<JsonObject>(null, ApiResults.BadRequest("", "the body must be a JSON object"));
            }

            ReadEveryString(obj);
            return new BodyRead<JsonObject>(obj, null);
        }
        catch (JsonException ex)
        {
            return new BodyRead<JsonObject>(null, ApiResults.BadRequest("", $"the body is not valid JSON: {JsonReaderMessage.Shorten(ex.Message)}"));
        }
        catch (InvalidOperationException ex)
        {
            // A broken \u escape (a lone surrogate) cannot become a string.
            return new BodyRead<JsonObject>(null, ApiResults.BadRequest("", $"the body is not valid JSON: {JsonReaderMessage.Shorten(ex.Message)}"));
        }
    }

    /// <summary>JsonNode reads names and strings lazily: read them all now, so a bad one is a 400 here and not a throw later.</summary>
    private static void ReadEveryString(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    ReadEveryString(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    ReadEveryString(item);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
            default:
                break;
        }
    }

    private static string FieldOf(JsonException ex)
    {
        var path = ex.Path ?? "";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    /// <summary>The serializer's messages name .NET types: say what was wrong in the contract's words instead.</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a field of this request";
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return "has the wrong type (numbers are plain JSON numbers, dates yyyy-mm-dd, flags true or false)";
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return "may not be null";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return JsonReaderMessage.Shorten(cut > 0 ? message[..cut] : message);
    }
}
