namespace Monitoring.Protocol.Model;

/// <summary>The three documented criteria before ketamine: opioids optimised, adjuvants failed, central sensitisation.</summary>
public sealed record Eligibility(bool OpioidsOptimised, bool AdjuvantsFailed, bool CentralSensitisation)
{
    public bool IsComplete => OpioidsOptimised && AdjuvantsFailed && CentralSensitisation;

    public IEnumerable<string> Missing()
    {
        if (!OpioidsOptimised)
        {
            yield return "opioids optimised";
        }

        if (!AdjuvantsFailed)
        {
            yield return "adjuvants failed";
        }

        if (!CentralSensitisation)
        {
            yield return "central sensitisation";
        }
    }
}
