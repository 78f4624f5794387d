namespace Monitoring.Grains.SignIn;

/// <summary>What a session grain persists ("sessions" storage): whose it is, until when, and whether it was revoked.</summary>
[GenerateSerializer]
public sealed class SessionGrainState
{
    [Id(0)] public string? Username { get; set; }

    /// <summary>The session ends here whatever its activity (Auth:AbsoluteSessionHours after sign-in).</summary>
    [Id(1)] public DateTimeOffset AbsoluteExpiry { get; set; }

    [Id(2)] public bool Revoked { get; set; }
}
