using System.Net;
using Microsoft.AspNetCore.SignalR;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>/hubs/ward: signed-in users connect; JoinWard, LeaveWard and GetWard take Nurse or ChargeNurse; Acknowledge, RecordOrder and SetLimits ChargeNurse only.</summary>
[Collection(HostCollection.Name)]
public sealed class HubAuthorizationTests(HostFixture host)
{
    public static TheoryData<string, string, bool> Cases() => new()
    {
        { Identity.Nurse, "JoinWard", true },
        { Identity.Nurse, "LeaveWard", true },
        { Identity.Nurse, "GetWard", true },
        { Identity.Nurse, "Acknowledge", false },
        { Identity.Nurse, "RecordOrder", false },
        { Identity.Nurse, "SetLimits", false },
        { Identity.Charge, "JoinWard", true },
        { Identity.Charge, "LeaveWard", true },
        { Identity.Charge, "GetWard", true },
        { Identity.Charge, "Acknowledge", true },
        { Identity.Charge, "RecordOrder", true },
        { Identity.Charge, "SetLimits", true },
        { Identity.Operator, "JoinWard", false },
        { Identity.Operator, "LeaveWard", false },
        { Identity.Operator, "GetWard", false },
        { Identity.Operator, "Acknowledge", false },
        { Identity.Operator, "RecordOrder", false },
        { Identity.Operator, "SetLimits", false },
    };

    [Fact]
    public async Task Anonymous_cannot_connect()
    {
        await using var connection = host.Hub(null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hub_method_admits_exactly_the_contracts_roles(string identity, string method, bool admitted)
    {
        using var session = await Identity.Open(host, identity);
        await using var connection = host.Hub(session);
        await connection.StartAsync();

        var call = method switch
        {
            "JoinWard" or "LeaveWard" or "GetWard" => connection.InvokeCoreAsync(method, typeof(object), ["ward-a"]),
            "Acknowledge" => connection.InvokeCoreAsync(method, typeof(object), ["p:authz-nobody:1", "authz"]),
            "RecordOrder" => connection.InvokeCoreAsync(method, typeof(object), ["authz-nobody", new { prescriber = "authz", regimen = "weight-based", concentrationMgPerMl = 1m, startRateMgPerKgPerHour = 0.06m, maxRateMgPerKgPerHour = 0.2m }]),
            "SetLimits" => connection.InvokeCoreAsync(method, typeof(object), ["authz-nobody", new { maxRateMgPerKgPerHour = 0.2m, reason = "authz" }]),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };

        var error = await Record.ExceptionAsync(() => call);
        if (admitted)
        {
            // An admitted caller may still be told the alert does not exist; never that it is unauthorized.
            Assert.True(error is null or HubException, $"{method} as {identity}: {error}");
            Assert.DoesNotContain("unauthorized", error?.Message ?? "", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            var hubError = Assert.IsType<HubException>(error);
            Assert.Contains("unauthorized", hubError.Message, StringComparison.OrdinalIgnoreCase);
        }
    }
}
