using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitoring.Simulators.Tests.StubHost;

/// <summary>
/// A stand-in for the product's outside contract (cookie sign-in, the REST routes a scenario uses, the
/// ward hub, /test/clock, an MQTT broker), so the runner can be played end to end before the host exists.
/// </summary>
internal sealed class StubServer : IAsyncDisposable
{
    public const string Password = "stub-password";

    private readonly WebApplication _app;

    private StubServer(WebApplication app, TestBroker broker, StubProduct product)
    {
        _app = app;
        Broker = broker;
        Product = product;
    }

    public TestBroker Broker { get; }

    public StubProduct Product { get; }

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<StubServer> StartAsync()
    {
        var product = new StubProduct();
        var broker = new TestBroker(onPublish: (_, topic, payload) => topic.StartsWith("devices/", StringComparison.Ordinal) ? product.OnDeviceMessageAsync(topic, payload) : Task.CompletedTask);
        await broker.StartAsync();
        product.Publish = broker.PublishAsync;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Events.OnRedirectToLogin = c =>
            {
                c.Response.StatusCode = 401;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHub<StubWardHub>("/hubs/ward");
        var hub = app.Services.GetRequiredService<IHubContext<StubWardHub>>();
        product.Push = (alert, name) => hub.Clients.Group(alert.WardId).SendAsync(name, alert);

        app.MapPost("/api/auth/login", async (HttpContext http, JsonObject body) =>
        {
            if ((string?)body["password"] != Password)
            {
                return Results.Unauthorized();
            }

            var role = (string?)body["username"] == "charge" ? "ChargeNurse" : "Nurse";
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, (string)body["username"]!), new Claim(ClaimTypes.Role, role)], CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(new ClaimsPrincipal(identity));
            return Results.Ok();
        });
        app.MapGet("/test/clock", () => Results.Ok(new { now = product.Now })).RequireAuthorization();
        app.MapPost("/test/clock/advance", (JsonObject body) => Results.Ok(new { now = product.Advance((double)body["seconds"]!) })).RequireAuthorization();
        app.MapPost("/api/patients", (JsonObject body) =>
        {
            product.Admit(body);
            return Results.Created($"/api/patients/{body["id"]}", null);
        }).RequireAuthorization();
        app.MapPut("/api/patients/{id}/devices", (string id, JsonObject body) => product.Associate(id, (string?)body["pumpId"]) ? Results.Ok() : Results.NotFound()).RequireAuthorization();
        app.MapGet("/api/patients/{id}", (string id) => product.Patient(id) is { } p ? Results.Ok(p) : Results.NotFound()).RequireAuthorization();
        app.MapDelete("/api/patients/{id}", (string id) => Results.StatusCode(product.Discharge(id))).RequireAuthorization();
        app.MapGet("/api/alerts", (string? state) => Results.Ok(product.Alerts(state == "resolved"))).RequireAuthorization();
        app.MapPost("/api/alerts/{id}/acknowledge", async (string id, HttpContext http) =>
            !http.User.IsInRole("ChargeNurse") ? Results.StatusCode(403) : await product.AcknowledgeAsync(id) ? Results.Ok() : Results.NotFound()).RequireAuthorization();

        await app.StartAsync();
        return new StubServer(app, broker, product);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
