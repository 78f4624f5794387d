using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Metadata;
using Monitoring.Application.Access;
using Monitoring.Host.Auth;
using Monitoring.Host.Options;

namespace Monitoring.Host.Extensions;

public static class AuthExtensions
{
    /// <summary>
    /// Cookie sign-in and the contract's role policies. Everything needs a signed-in user unless it says
    /// otherwise (the fallback policy); /api and /hubs answer 401/403, never a redirect.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringAuth(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();

        builder.Services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = auth.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = auth.RequireSecureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(auth.SessionHours);
                options.SlidingExpiration = true;

                options.Events.OnValidatePrincipal = RejectUnlessStillValid;
                options.Events.OnSigningOut = context =>
                    context.HttpContext.RequestServices.GetRequiredService<SessionRegistry>().Revoke(context.HttpContext.User);

                // The API group is marked (DisableCookieRedirect); this also covers /api paths no endpoint matched
                // and the hub's negotiate and WebSocket requests.
                options.Events.OnRedirectToLogin = context => AnswerOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => AnswerOrRedirect(context, StatusCodes.Status403Forbidden);
            });

        // Server-side sessions: the cookie names a session grain (SessionRegistry), revocable and absolutely bounded.
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        builder.Services.AddSingleton<SessionRegistry>();
        builder.Services.AddSingleton<SessionValidator>();

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.ClinicalStaff, policy => policy.RequireRole(Roles.Nurse, Roles.ChargeNurse))
            .AddPolicy(Policies.ChargeNurse, policy => policy.RequireRole(Roles.ChargeNurse))
            .AddPolicy(Policies.Operator, policy => policy.RequireRole(Roles.Operator));

        return builder;
    }

    public static WebApplication UseMonitoringAuth(this WebApplication app)
    {
        app.UseMiddleware<RequestOriginGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    // A revoked or expired session, a removed user or a changed role stops at the next request, whatever the cookie says.
    private static async Task RejectUnlessStillValid(CookieValidatePrincipalContext context)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (context.Principal is not { } user || !await validator.IsValid(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>
    /// Machine routes answer 401/403: everything under /api and /hubs (matched or not), and any endpoint marked
    /// DisableCookieRedirect (for example /test/clock). Pages redirect to the sign-in page.
    /// </summary>
    private static Task AnswerOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        var metadata = context.HttpContext.GetEndpoint()?.Metadata;
        var marked = metadata?.GetMetadata<IDisableCookieRedirectMetadata>() is not null
            && metadata.GetMetadata<IAllowCookieRedirectMetadata>() is null;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || marked)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
