namespace Monitoring.Browser.Tests.Support;

/// <summary>The demo users of seeds/users.json (passwords as the host's README states).</summary>
public static class Users
{
    public static readonly (string Name, string Password) Nurse = ("nurse", "nurse-demo");
    public static readonly (string Name, string Password) Charge = ("charge", "charge-demo");
}
