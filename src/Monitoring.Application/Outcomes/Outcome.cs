namespace Monitoring.Application.Outcomes;

/// <summary>A use case's answer: the value when accepted, otherwise the <see cref="Rejection"/>.</summary>
public sealed record Outcome<T>
{
    public Outcome(T value)
    {
        Value = value;
    }

    public Outcome(Rejection rejection)
    {
        Rejection = rejection ?? throw new ArgumentNullException(nameof(rejection));
    }

    public T? Value { get; }

    public Rejection? Rejection { get; }

    public OutcomeKind Kind => Rejection?.Kind ?? OutcomeKind.Accepted;

    public bool Accepted => Rejection is null;

    public static implicit operator Outcome<T>(T value) => new(value);

    public static implicit operator Outcome<T>(Rejection rejection) => new(rejection);

    public override string ToString() => Accepted ? "accepted" : $"{Kind}: {Rejection!.Describe()}";
}
