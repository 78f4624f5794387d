namespace Monitoring.Grains.Patients;

/// <summary>
/// When a seq within one bootId is not believed (interfaces.md, "Sequence plausibility"). Technical limits, not clinical
/// numbers: they come from <see cref="Options.PatientGrainOptions"/>.
/// </summary>
/// <param name="MaxJump">A seq more than this far above the highest applied is refused, unless the next one follows it.</param>
/// <param name="ResetClockAdvance">A seq at or below the highest applied whose clock is later than the newest applied by more
/// than this is a reset without a new bootId.</param>
/// <param name="ClockTrust">A device clock is used for the reset test only while it is this close to the server's.</param>
public sealed record SeqPlausibility(long MaxJump, TimeSpan ResetClockAdvance, TimeSpan ClockTrust)
{
    public static SeqPlausibility Default { get; } = new(1000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
}
