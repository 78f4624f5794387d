namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// Every REST route of interfaces.md (and the host's additions), with bodies that change nothing that
/// matters: ids no patient has, a throw-away ward.
/// </summary>
public static class ContractRoutes
{
    private const string Nobody = "/api/patients/authz-nobody";

    public static IReadOnlyList<RouteCase> All { get; } =
    [
        new("POST", "/api/auth/login", "{}", Access.Anyone),
        new("POST", "/api/auth/logout", null, Access.SignedIn),
        new("GET", "/api/auth/me", null, Access.SignedIn),
        new("DELETE", "/api/auth/lockouts/authz-nobody", null, Access.OperatorOnly),
        new("POST", "/api/patients", "{}", Access.ChargeOnly),
        new("PATCH", Nobody, """{"mrn":"authz"}""", Access.ChargeOnly),
        new("PUT", $"{Nobody}/devices", """{"pumpId":"authz-pump"}""", Access.ChargeOnly),
        new("PUT", "/api/wards/authz-ward/devices/authz-monitor", """{"type":"monitor"}""", Access.ChargeOnly),
        new("DELETE", $"{Nobody}/devices/authz-pump", null, Access.ChargeOnly),
        new("DELETE", Nobody, null, Access.ChargeOnly),
        new("POST", $"{Nobody}/actions", """{"action":"comfort-care-on","reason":"authz"}""", Access.ChargeOnly),
        new("POST", $"{Nobody}/reviews", """{"benefit":true,"note":"authz"}""", Access.ChargeOnly),
        new("PUT", $"{Nobody}/order", """{"prescriber":"authz","regimen":"weight-based","concentrationMgPerMl":1,"startRateMgPerKgPerHour":0.06,"maxRateMgPerKgPerHour":0.2}""", Access.ChargeOnly),
        new("PUT", $"{Nobody}/limits", """{"maxRateMgPerKgPerHour":0.2,"reason":"authz"}""", Access.ChargeOnly),
        new("POST", $"{Nobody}/observations", """{"observationId":"authz-1","sourceId":"authz","kind":"pain","value":3,"recordedBy":"authz"}""", Access.NurseOrCharge),
        new("DELETE", $"{Nobody}/observations/authz-1", """{"reason":"authz"}""", Access.ChargeOnly),
        new("GET", Nobody, null, Access.NurseOrCharge),
        new("GET", "/api/wards/ward-a", null, Access.NurseOrCharge),
        new("GET", "/api/alerts", null, Access.NurseOrCharge),
        new("GET", "/api/alerts?wardId=ward-a&state=active", null, Access.NurseOrCharge),
        new("POST", "/api/alerts/p:authz-nobody:1/acknowledge", """{"note":"authz"}""", Access.ChargeOnly),
        new("GET", "/api/audit", null, Access.ChargeOnly),
        new("GET", "/api/audit?patientId=authz-nobody&from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z", null, Access.ChargeOnly),
        new("GET", "/health/live", null, Access.Anyone),
        new("GET", "/health/ready", null, Access.Anyone),
    ];

    public static RouteCase Find(string key) => All.Single(r => r.Key == key);
}
