using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Dashboard.Services;

namespace Monitoring.Dashboard.Tests.Support;

/// <summary>A bUnit context with the dashboard's services faked: a fixed clock, recorded commands, a signed-in role.</summary>
public abstract class DashboardContext : BunitContext
{
    protected DashboardContext()
    {
        Clock = new FakeTimeProvider(Make.Now);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Commands);
        Services.AddSingleton<IClinicalCommands>(Commands);
    }

    protected FakeTimeProvider Clock { get; }

    protected FakeCommands Commands { get; } = new();

    protected void SignInAs(string name, string role) => AddAuthorization().SetAuthorized(name).SetRoles(role);
}
