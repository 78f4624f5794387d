using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Course.Invariants;

/// <summary>I1: every setRate the engine sends is below the rate allowed now.</summary>
public sealed class CommandsBelowAllowedRate : ICourseInvariant
{
    public string Id => "I1";

    public string Wording => "No pump command ever sets a rate at or above the rate allowed now.";

    public IEnumerable<CourseViolation> Check(CourseFrame before, CourseFrame after)
    {
        var s = after.State;
        var allowed = AllowedRateModel.Of(s, SeedProtocol.Parameters);
        foreach (var command in after.Commands.Where(c => c.Kind == PumpCommandKind.SetRate))
        {
            if (command.RateMlPerHour is not { } rate || s.CheckingConcentrationMgPerMl is not { } c || s.Prescription.WeightKg is not { } w)
            {
                yield return new CourseViolation(Id, "unchecked", $"command {command.CommandId} sets a rate whose dose cannot be checked");
                continue;
            }

            if (allowed.IsExceededBy(rate, c, w))
            {
                yield return new CourseViolation(Id, "target", $"command {command.CommandId} ({command.RuleId}) sets {rate} mL/h = "
                    + $"{decimal.Round(DoseRateCalculator.DoseRateMgPerKgPerHour(rate, c, w), 3)} mg/kg/h; the rate allowed now is {allowed.Reason}");
            }
        }
    }
}
