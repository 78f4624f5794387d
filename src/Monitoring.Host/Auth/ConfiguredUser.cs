namespace Monitoring.Host.Auth;

/// <summary>A user who may sign in: a name, one role, and an ASP.NET Core Identity password hash (never the password).</summary>
public sealed class ConfiguredUser
{
    public string Username { get; set; } = "";

    public string Role { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary>
    /// The wards this user may see and act on (ward ids of seeds/wards). Unset: every configured ward. An empty list:
    /// none. Auth__Users__N__Wards__0=ward-a in the environment form.
    /// </summary>
    public List<string>? Wards { get; set; }
}
