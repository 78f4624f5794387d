namespace Monitoring.Grains.SignIn;

/// <summary>What a session grain persists ("sessions" storage): the serialized sign-in and its two expiries.</summary>
[GenerateSerializer]
public sealed class SessionGrainState
{
    [Id(0)] public string? Username { get; set; }

    [Id(1)] public byte[]? Ticket { get; set; }

    /// <summary>The session ends here whatever its activity (Auth:AbsoluteSessionHours after sign-in).</summary>
    [Id(2)] public DateTimeOffset AbsoluteExpiry { get; set; }

    /// <summary>The session ends here without activity (Auth:SessionHours after the last renewal).</summary>
    [Id(3)] public DateTimeOffset IdleExpiry { get; set; }

    [Id(4)] public bool Revoked { get; set; }
}
