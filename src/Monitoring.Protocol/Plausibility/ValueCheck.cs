namespace Monitoring.Protocol.Plausibility;

/// <summary>
/// Whether a value is one a device or a chart could really give. Implausible values are never judged: the reading is
/// refused with <see cref="Problem"/> as its reason, and the refusal itself is an alert (a silent drop would hide a bed).
/// </summary>
public readonly record struct ValueCheck(string? Problem)
{
    public static ValueCheck Plausible => default;

    public bool IsPlausible => Problem is null;

    internal static ValueCheck Because(string problem) => new(problem);

    /// <summary>This check, or when it passed, the next one.</summary>
    internal ValueCheck Then(Func<ValueCheck> next) => IsPlausible ? next() : this;
}
