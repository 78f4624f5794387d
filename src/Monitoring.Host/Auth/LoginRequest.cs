namespace Monitoring.Host.Auth;

/// <summary>POST /api/auth/login.</summary>
public sealed record LoginRequest(string? Username, string? Password);
