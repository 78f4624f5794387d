using Microsoft.AspNetCore.Identity;
using Monitoring.Host.Auth;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>The demo users of seeds/users.json (passwords as the README states) and a user for the lockout test.</summary>
public static class TestUsers
{
    public static readonly (string Username, string Password) Nurse = ("nurse", "nurse-demo");
    public static readonly (string Username, string Password) Charge = ("charge", "charge-demo");
    public static readonly (string Username, string Password) Operator = ("operator", "operator-demo");

    /// <summary>Configured through Auth:Users, so locking it out disturbs no other test.</summary>
    public static readonly (string Username, string Password) LockoutVictim = ("lockout-victim", "right-password");

    /// <summary>Locked from another source address while its own terminal still signs in.</summary>
    public static readonly (string Username, string Password) SourceLockoutVictim = ("source-victim", "right-password");

    /// <summary>Locked, then unlocked by the operator.</summary>
    public static readonly (string Username, string Password) UnlockVictim = ("unlock-victim", "right-password");

    public static string HashOf(string password) =>
        new PasswordHasher<ConfiguredUser>().HashPassword(new ConfiguredUser(), password);
}
