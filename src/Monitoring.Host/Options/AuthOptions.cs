using Monitoring.Host.Auth;

namespace Monitoring.Host.Options;

/// <summary>The "Auth" section: who may sign in and for how long.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Load the demo users of seeds/users.json. Unset: yes in the embedded default (Storage:Provider Memory),
    /// never otherwise; production takes its users from <see cref="Users"/>.
    /// </summary>
    public bool? DemoUsers { get; set; }

    /// <summary>Users from configuration (Auth__Users__0__Username, __Role, __PasswordHash); hash with the hash-password command.</summary>
    public List<ConfiguredUser> Users { get; set; } = [];

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    public double SessionHours { get; set; } = 12;

    /// <summary>How long a sign-in lasts at most, however active (a shift): then the user signs in again.</summary>
    public double AbsoluteSessionHours { get; set; } = 12;

    /// <summary>
    /// Mark the cookie Secure whatever the request's scheme: set behind a proxy that ends TLS. Unset, the cookie is
    /// Secure whenever the request came over HTTPS.
    /// </summary>
    public bool RequireSecureCookie { get; set; }

    public string CookieName { get; set; } = "monitoring.auth";

    /// <summary>
    /// Origins (scheme://host[:port]) besides the host's own that may open the hub and send cookie-authenticated changes
    /// (Auth__AllowedOrigins__0). Empty: same origin only.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
