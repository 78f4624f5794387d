namespace Monitoring.Bench.Soak;

/// <summary>
/// The seeded fault schedule: the four kinds in rounds, each round shuffled, each fault a random outage and a random
/// gap before it (so the system recovers between faults). The same seed gives the same schedule; the run takes faults
/// from it while time is left.
/// </summary>
public static class ChaosSchedule
{
    private static readonly FaultKind[] Kinds = Enum.GetValues<FaultKind>();

    public static IEnumerable<PlannedFault> Plan(SoakSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var random = new Random(settings.Seed);
        while (true)
        {
            var round = Kinds.ToArray();
            random.Shuffle(round);
            foreach (var kind in round)
            {
                var outage = TimeSpan.FromSeconds(random.Next(settings.OutageSeconds.Min, settings.OutageSeconds.Max + 1));
                var gap = TimeSpan.FromSeconds(random.Next(settings.GapSeconds.Min, settings.GapSeconds.Max + 1));
                yield return new PlannedFault(kind, random.Next(2), outage, gap);
            }
        }
    }
}
