namespace Monitoring.Simulators.Ward;

/// <summary>A range a value is drawn from, uniformly.</summary>
public sealed record NumberRange(decimal Min, decimal Max)
{
    public decimal Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Min + ((Max - Min) * (decimal)random.NextDouble());
    }

    public int DrawWhole(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next((int)decimal.Ceiling(Min), (int)decimal.Floor(Max) + 1);
    }
}
