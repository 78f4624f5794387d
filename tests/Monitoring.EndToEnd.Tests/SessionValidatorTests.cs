using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Monitoring.Host.Auth;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Issue 13 item 12: a live cookie of a user removed from the configuration, or whose role changed, no longer passes:
/// the principal is checked against the users configured now on every request, circuit revalidation and hub call.
/// </summary>
public sealed class SessionValidatorTests
{
    private static readonly UserDirectory Users = new([new ConfiguredUser { Username = "ada", Role = "Nurse", PasswordHash = "x" }]);

    private static ClaimsPrincipal Principal(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], CookieAuthenticationDefaults.AuthenticationScheme));

    [Theory]
    [InlineData("ada", "Nurse", true)]
    [InlineData("ADA", "Nurse", true)] // user names are matched in any case, as at sign-in
    [InlineData("ada", "ChargeNurse", false)] // a cookie from before a role change
    [InlineData("bob", "Nurse", false)] // a cookie of a user since removed
    public void Only_a_principal_that_matches_a_configured_user_and_role_still_passes(string name, string role, bool passes)
    {
        var validator = new SessionValidator(Users, null!);

        Assert.Equal(passes, validator.StillConfigured(Principal(name, role)) is not null);
    }
}
