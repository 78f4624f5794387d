using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Cross-site requests on the sign-in cookie: the hub's WebSocket from a foreign Origin is refused, and a signed-in
/// POST needs Content-Type: application/json or X-Requested-With (a cross-site form or no-cors fetch has neither).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CrossSiteRequestTests(HostFixture host)
{
    private const string Acknowledge = "/api/alerts/p:csrf-nobody:1/acknowledge";

    [Fact]
    public async Task The_hubs_WebSocket_is_refused_to_a_foreign_origin_and_opens_for_its_own()
    {
        using var nurse = await host.SignIn(TestUsers.Nurse);
        var hub = new UriBuilder(new Uri(host.BaseAddress, "/hubs/ward")) { Scheme = "ws" }.Uri;

        using var foreign = new ClientWebSocket();
        foreign.Options.Cookies = nurse.Cookies;
        foreign.Options.SetRequestHeader("Origin", "http://evil.example");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(hub, CancellationToken.None));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        using var own = new ClientWebSocket();
        own.Options.Cookies = nurse.Cookies;
        own.Options.SetRequestHeader("Origin", host.BaseAddress.GetLeftPart(UriPartial.Authority));
        await own.ConnectAsync(hub, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, own.State);
    }

    [Fact]
    public async Task A_body_less_or_form_post_on_the_cookie_is_refused()
    {
        using var charge = await host.SignIn(TestUsers.Charge);

        var bodyLess = await charge.Http.PostAsync(new Uri(Acknowledge, UriKind.Relative), null);
        var form = await charge.Http.PostAsync(new Uri(Acknowledge, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["note"] = "x" }));

        await AssertRefused(bodyLess, "Content-Type");
        await AssertRefused(form, "Content-Type");
    }

    [Fact]
    public async Task A_json_post_from_a_foreign_origin_is_refused_and_from_its_own_is_admitted()
    {
        using var charge = await host.SignIn(TestUsers.Charge);

        using var foreign = new HttpRequestMessage(HttpMethod.Post, new Uri(Acknowledge, UriKind.Relative)) { Content = JsonContent.Create(new { note = "x" }) };
        foreign.Headers.Add("Origin", "http://evil.example");
        await AssertRefused(await charge.Http.SendAsync(foreign), "Origin");

        var json = await charge.Http.PostAsJsonAsync(new Uri(Acknowledge, UriKind.Relative), new { note = "x" });
        using var marked = new HttpRequestMessage(HttpMethod.Post, new Uri(Acknowledge, UriKind.Relative));
        marked.Headers.Add("X-Requested-With", "e2e");

        // Admitted: the alert is unknown (404), not a refusal of the request.
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await charge.Http.SendAsync(marked)).StatusCode);
    }

    private static async Task AssertRefused(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"answered {(int)response.StatusCode}: {body}");
        Assert.Equal(field, JsonSerializer.Deserialize<JsonElement>(body).GetProperty("field").GetString());
    }
}
