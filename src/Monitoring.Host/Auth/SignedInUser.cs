namespace Monitoring.Host.Auth;

/// <summary>The answer to a successful sign-in.</summary>
public sealed record SignedInUser(string Username, string Role);
