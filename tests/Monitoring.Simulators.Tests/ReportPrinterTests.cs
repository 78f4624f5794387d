using Monitoring.Simulators.Running;

namespace Monitoring.Simulators.Tests;

public sealed class ReportPrinterTests
{
    [Fact]
    public void A_scenario_is_green_only_when_every_row_passed()
    {
        var report = new ScenarioReport
        {
            Name = "ceiling",
            File = "ceiling.yaml",
            VirtualClock = true,
            Simulated = TimeSpan.FromMinutes(4),
            Wall = TimeSpan.FromSeconds(2),
            Results = [new ExpectationResult("expect", 40, "CEILING on p1 by 2m10s", true, "active at 2m"), new ExpectationResult("status", 12, "step 3: discharge p1 answers 409", false, "HTTP 204")],
        };
        using var output = new StringWriter();

        ReportPrinter.PrintScenario(output, report);
        ReportPrinter.PrintSummary(output, [report, report with { Name = "other", Results = [report.Results[0]] }]);

        var text = output.ToString();
        Assert.False(report.Passed);
        Assert.StartsWith("FAIL  ceiling (ceiling.yaml) - 4m simulated on virtual clock in 2.0 s, 0 hub event(s)", text, StringComparison.Ordinal);
        Assert.Contains("FAIL  12    step 3: discharge p1 answers 409  HTTP 204", text, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed" + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_that_checked_nothing_or_stopped_is_not_green()
    {
        Assert.False(new ScenarioReport { Name = "n", File = "f" }.Passed);
        Assert.False(new ScenarioReport { Name = "n", File = "f", Results = [new ExpectationResult("expect", 1, "x", true, "")], Fatal = "host down" }.Passed);
    }
}
