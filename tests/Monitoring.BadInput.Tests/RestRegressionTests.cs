using System.Net;
using System.Text;
using System.Text.Json;
using Monitoring.BadInput.Tests.Support;

namespace Monitoring.BadInput.Tests;

/// <summary>Requests the REST fuzz found answered 500 or without a reason (shrunk by CsCheck), and the oversized body, kept as they were found.</summary>
[Collection(HostCollection.Name)]
public class RestRegressionTests(BadInputHost fixture)
{
    /// <summary>Seed 06YR6fvOKy06: a JsonObject holding a duplicate key threw when read (500).</summary>
    [Fact]
    public async Task A_duplicate_key_in_a_patch_is_a_400()
    {
        var problem = await Send(fixture.Charge, "PATCH", "/api/patients/fz-4", """{"concentrationMgPerMl":1,"concentrationMgPerMl":1}""", HttpStatusCode.BadRequest);

        var error = problem.GetProperty("error").GetString();
        Assert.StartsWith("the body is not valid JSON: Duplicate", error, StringComparison.Ordinal);
    }

    /// <summary>Seed 6YTjEIUfqfm2: Orleans throws for a blank grain key, so a path id of "\r\n" answered 500.</summary>
    [Theory]
    [InlineData("PATCH", "/api/patients/%0D%0A", """{"regimen":"weight-based"}""")]
    [InlineData("GET", "/api/patients/%20", null)]
    [InlineData("POST", "/api/patients/%20/observations", """{"observationId":"o","kind":"pain","value":3}""")]
    [InlineData("DELETE", "/api/patients/fz-1/devices/%20", null)]
    public async Task A_blank_patient_or_device_id_in_the_path_is_a_404(string method, string path, string? body)
    {
        var problem = await Send(fixture.Charge, method, path, body, HttpStatusCode.NotFound);

        Assert.StartsWith("no ", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A blank owner in an alert id named no grain either.</summary>
    [Fact]
    public async Task An_alert_id_with_a_blank_owner_is_a_404() =>
        await Send(fixture.Charge, "POST", "/api/alerts/p:%20:1/acknowledge", """{"note":"x"}""", HttpStatusCode.NotFound);

    /// <summary>Seed found in the observation route: a bad UTF-8 byte inside a property name threw when the name was read (500).</summary>
    [Fact]
    public async Task Invalid_utf8_in_a_property_name_is_a_400()
    {
        byte[] body = [.. "{\"observationId\":\"o\",\"kind\":\"pain\",\"value\":3,\"recordedBy"u8, 0xF8, 0xF8, .. "\":\"x\"}"u8];
        var problem = await Send(fixture.Nurse, "POST", "/api/patients/fz-3/observations", body, HttpStatusCode.BadRequest);

        Assert.Equal("the body is not valid JSON: it is not UTF-8", problem.GetProperty("error").GetString());
    }

    /// <summary>A broken \u escape in a name threw when the name was read (500).</summary>
    [Fact]
    public async Task A_lone_surrogate_escape_in_a_name_is_a_400() =>
        await Send(fixture.Charge, "PATCH", "/api/patients/fz-4", """{"mrn\ud800":"x"}""", HttpStatusCode.BadRequest);

    /// <summary>Seed 3mKPPdGMi5e8: a 146 KB patient id was admitted, and its Location header broke the client.</summary>
    [Fact]
    public async Task An_admission_with_an_id_no_topic_can_carry_is_a_400()
    {
        var id = new string('x', 146_000);
        var body = $$"""{"id":"{{id}}","mrn":"m","displayName":"d","wardId":"ward-a","bedId":"bed-01","regimen":"weight-based"}""";

        var problem = await Send(fixture.Charge, "POST", "/api/patients", body, HttpStatusCode.BadRequest);

        Assert.Equal("id", problem.GetProperty("field").GetString());
    }

    /// <summary>First failure of the fuzz: the framework's 403 (and 404, 405) carried no field or error.</summary>
    [Theory]
    [InlineData("POST", "/api/patients", HttpStatusCode.Forbidden, "the role Nurse may not POST this route")]
    [InlineData("GET", "/api/nowhere", HttpStatusCode.NotFound, "no route answers GET /api/nowhere")]
    [InlineData("PUT", "/api/alerts", HttpStatusCode.MethodNotAllowed, "PUT is not allowed on /api/alerts")]
    public async Task Answers_the_framework_writes_carry_a_reason(string method, string path, HttpStatusCode status, string error)
    {
        var problem = await Send(fixture.Nurse, method, path, method == "GET" ? null : "{}", status);

        Assert.Equal(error, problem.GetProperty("error").GetString());
    }

    /// <summary>A body over Kestrel's limit (30 MB) is a 413 with a reason, and nothing is logged as an error.</summary>
    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        // Above Api__MaxRequestBodyBytes (1 MiB by default; Kestrel's own 30,000,000 before it was set).
        var body = new byte[2_000_000];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';

        var problem = await Send(fixture.Nurse, "POST", "/api/patients/fz-2/observations", body, HttpStatusCode.RequestEntityTooLarge, expectContinue: true);

        Assert.Contains("1048576", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
        CapturedLog.Instance.AssertNoErrors();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_json_is_a_415(string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/patients/fz-1/reviews", UriKind.Relative))
        {
            Content = new StringContent("""{"benefit":true,"note":"x"}""", Encoding.UTF8, contentType),
        };

        // The header a script sends past the cross-site check (a form cannot set it): what is left to refuse is the type.
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        var response = await fixture.Charge.Http.SendAsync(request);

        await ProblemCheck.Verify(response, "");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static Task<JsonElement> Send(EndToEnd.Tests.Support.Session session, string method, string path, string? body, HttpStatusCode expected) =>
        Send(session, method, path, body is null ? null : Encoding.UTF8.GetBytes(body), expected);

    /// <param name="expectContinue">For a body the server refuses unread: the client waits for 100-continue instead of writing into a closed connection.</param>
    private static async Task<JsonElement> Send(EndToEnd.Tests.Support.Session session, string method, string path, byte[]? body, HttpStatusCode expected, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.ExpectContinue = expectContinue;
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        var response = await session.Http.SendAsync(request);
        await ProblemCheck.Verify(response, path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
