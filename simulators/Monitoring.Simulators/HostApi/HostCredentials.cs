namespace Monitoring.Simulators.HostApi;

/// <summary>A user of the product (the demo `charge` and `nurse`, or configured ones).</summary>
public sealed record HostCredentials(string Username, string Password);
