using CsCheck;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>A route of interfaces.md to aim at: its template ({patient}, {device}, {ward}, {observation}, {alert}) and body generator.</summary>
public sealed record RestTarget(string Name, string Method, string Template, Gen<string>? Body);
