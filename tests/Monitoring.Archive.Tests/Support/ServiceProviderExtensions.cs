using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Archive.Tests.Support;

internal static class ServiceProviderExtensions
{
    public static WardPushArchiver GetArchiver(this IServiceProvider services) => services.GetRequiredService<WardPushArchiver>();
}
