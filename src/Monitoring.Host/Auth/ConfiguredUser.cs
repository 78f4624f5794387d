namespace Monitoring.Host.Auth;

/// <summary>A user who may sign in: a name, one role, and an ASP.NET Core Identity password hash (never the password).</summary>
public sealed class ConfiguredUser
{
    public string Username { get; set; } = "";

    public string Role { get; set; } = "";

    public string PasswordHash { get; set; } = "";
}
