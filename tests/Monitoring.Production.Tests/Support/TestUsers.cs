using Microsoft.AspNetCore.Identity;
using Monitoring.Host.Auth;

namespace Monitoring.Production.Tests.Support;

/// <summary>Production has no demo users: these come from configuration (Auth:Users) with hashed passwords.</summary>
public static class TestUsers
{
    public static readonly (string Username, string Password, string Role) Charge = ("charge-prod", "charge-password-1", "ChargeNurse");
    public static readonly (string Username, string Password, string Role) Nurse = ("nurse-prod", "nurse-password-1", "Nurse");

    /// <summary>Reads /metrics (the kill tests' published / acknowledged / applied checker).</summary>
    public static readonly (string Username, string Password, string Role) Operator = ("operator-prod", "operator-password-1", "Operator");

    public static IEnumerable<(string Username, string Password, string Role)> All => [Charge, Nurse, Operator];

    /// <summary>The users as an operator configures them: Auth:Users:N:Username, :Role and :PasswordHash.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings() =>
        All.SelectMany((user, index) => new KeyValuePair<string, string>[]
        {
            new($"Auth:Users:{index}:Username", user.Username),
            new($"Auth:Users:{index}:Role", user.Role),
            new($"Auth:Users:{index}:PasswordHash", HashOf(user.Password)),
        });

    public static string HashOf(string password) => new PasswordHasher<ConfiguredUser>().HashPassword(new ConfiguredUser(), password);
}
