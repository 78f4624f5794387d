namespace Monitoring.Protocol.Model;

/// <summary>The absolute contraindications, spelled as on the wire.</summary>
public static class Contraindications
{
    public const string UncontrolledCardiovascularDisease = "uncontrolled-cardiovascular-disease";
    public const string Pregnancy = "pregnancy";
    public const string ActivePsychosis = "active-psychosis";
    public const string SevereLiverDysfunction = "severe-liver-dysfunction";
    public const string RaisedIntracranialPressure = "raised-intracranial-pressure";
    public const string RaisedOcularPressure = "raised-ocular-pressure";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        UncontrolledCardiovascularDisease, Pregnancy, ActivePsychosis, SevereLiverDysfunction,
        RaisedIntracranialPressure, RaisedOcularPressure,
    };
}
