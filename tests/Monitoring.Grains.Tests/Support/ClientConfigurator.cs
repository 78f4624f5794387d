using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Monitoring.Grains.Tests.Support;

public sealed class ClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        clientBuilder.Services.AddSerializer(serializer => serializer.AddProtocolTypes());
        clientBuilder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider, CapturingLoggerProvider>();
    }
}
