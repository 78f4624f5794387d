using Microsoft.AspNetCore.Identity;
using Monitoring.Host.Auth;

namespace Monitoring.Production.Tests.Support;

/// <summary>Production has no demo users: these come from configuration (Auth:Users) with hashed passwords.</summary>
public static class TestUsers
{
    public static readonly (string Username, string Password, string Role) Charge = ("charge-prod", "charge-password-1", "ChargeNurse");
    public static readonly (string Username, string Password, string Role) Nurse = ("nurse-prod", "nurse-password-1", "Nurse");

    public static IEnumerable<(string Username, string Password, string Role)> All => [Charge, Nurse];

    public static string HashOf(string password) => new PasswordHasher<ConfiguredUser>().HashPassword(new ConfiguredUser(), password);
}
