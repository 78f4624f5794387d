namespace Monitoring.Protocol.Model;

/// <param name="BaselineRhythm">The patient's usual rhythm (chronic AF is not a permanent alarm); sinus when not recorded.</param>
public sealed record PatientFlags(bool Postoperative, bool Spo2Scale2, Rhythm? BaselineRhythm)
{
    public static PatientFlags None { get; } = new(false, false, null);
}
