using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Scenarios;
using Monitoring.Simulators.Scenarios.Expectations;
using Monitoring.Simulators.Scenarios.Steps;

namespace Monitoring.Simulators.Tests;

public sealed class ScenarioLoaderTests
{
    private const string Header = """
        name: sample
        ward: ward-a
        patients:
          p1: { bed: bed-01, weightKg: 70, regimen: weight-based, concentrationMgPerMl: 1 }
        pumps:
          pump-1: { concentrationMgPerMl: 1 }
        monitors:
          mon-1: { noise: false }

        """;

    private static ScenarioLoadException Fails(string yaml) =>
        Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.Parse(yaml, "bad.yaml"));

    [Fact]
    public void A_full_scenario_reads_into_typed_steps_and_expectations()
    {
        var scenario = ScenarioLoader.Parse(Header + """
            steps:
              - { at: 0s, admit: p1 }
              - { at: 0s, associate: { patient: p1, pump: pump-1, monitor: mon-1 } }
              - at: 10s
                run: { pump: pump-1, rateMlPerHour: 7 }
              - at: 1m
                regimen: { pump: pump-1, kind: gradual, startMgPerDay: 10, stepMgPerDay: 10, every: 4h, targetMgPerDay: 50 }
              - { at: 2m, observe: { patient: p1, kind: hallucination, via: rest }, as: charge }
              - { at: 3m, discharge: p1, expectStatus: 409 }
              - { at: 4m, note: just a mark }
            expect:
              - { alert: ceiling, patient: p1, by: 2m, state: Latched }
              - { path: pauseProtocol.state, patient: p1, equals: paused, at: 3m }
              - { command: setRate, pump: pump-1, rateMlPerHour: 7, result: done, by: 1m }
              - { rejected: 3, device: mon-1, by: 5m }
            """, "sample.yaml");

        Assert.Equal("sample", scenario.Name);
        Assert.Equal(TimeSpan.FromMinutes(5), scenario.RunUntil);
        Assert.IsType<AdmitStep>(scenario.Steps[0]);
        var associate = Assert.IsType<AssociateStep>(scenario.Steps[1]);
        Assert.Equal(("p1", "pump-1", "mon-1"), (associate.PatientId, associate.PumpId, associate.MonitorId));
        var run = Assert.IsType<RunPumpStep>(scenario.Steps[2]);
        Assert.Equal((TimeSpan.FromSeconds(10), 7m, 3), (run.At, run.RateMlPerHour, run.Number));
        var regimen = Assert.IsType<FollowRegimenStep>(scenario.Steps[3]);
        Assert.Equal(new GradualTitrationRegimen(10, 10, TimeSpan.FromHours(4), 50), regimen.Regimen);
        var observe = Assert.IsType<ObserveStep>(scenario.Steps[4]);
        Assert.Equal(("hallucination", "rest", "charge"), (observe.Kind, observe.Via, observe.As));
        Assert.Null(observe.Value);
        Assert.Equal(409, scenario.Steps[5].ExpectStatus);
        Assert.IsType<NoteStep>(scenario.Steps[6]);

        var alert = Assert.IsType<AlertExpectation>(scenario.Expectations[0]);
        Assert.Equal(("CEILING", "latched", true), (alert.RuleId, alert.State, alert.Present));
        Assert.IsType<PatientStateExpectation>(scenario.Expectations[1]);
        Assert.Equal(7m, Assert.IsType<PumpCommandExpectation>(scenario.Expectations[2]).RateMlPerHour);
        Assert.Equal(3, Assert.IsType<RejectedExpectation>(scenario.Expectations[3]).AtLeast);
    }

    [Fact]
    public void An_unknown_action_names_the_file_line_and_step()
    {
        var error = Fails(Header + """
            steps:
              - { at: 0s, admit: p1 }
              - at: 5s
                explode: pump-1
            """);

        var only = Assert.Single(error.Errors);
        Assert.Equal("bad.yaml", only.File);
        Assert.Equal(12, only.Line);
        Assert.Contains("step 2", only.Message, StringComparison.Ordinal);
        Assert.Contains("unknown action 'explode'", only.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.yaml:12: step 2", only.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_references_bad_durations_and_typos_are_all_reported_at_once()
    {
        var error = Fails(Header + """
            steps:
              - { at: 0s, run: { pump: pump-9, rateMlPerHour: 7 } }
              - { at: soon, admit: p1 }
              - { at: 1m, run: { pump: pump-1, rateMlPerHr: 7 } }
              - { at: 2m, admit: p1, discharge: p1 }
            expect:
              - { alert: CEILING, patient: nobody, by: 1m }
              - { at: 1m }
            """);

        var messages = error.Errors.Select(e => $"{e.Line}: {e.Message}").ToList();
        Assert.Contains(messages, m => m.StartsWith("10:", StringComparison.Ordinal) && m.Contains("unknown pump 'pump-9'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("11:", StringComparison.Ordinal) && m.Contains("'at: soon' is not a duration", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("12:", StringComparison.Ordinal) && m.Contains("unknown key 'rateMlPerHr'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("12:", StringComparison.Ordinal) && m.Contains("'rateMlPerHour' is required", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("13:", StringComparison.Ordinal) && m.Contains("a step does one thing", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("15:", StringComparison.Ordinal) && m.Contains("unknown patient 'nobody'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("16:", StringComparison.Ordinal) && m.Contains("expectation 2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_retraction_names_a_labelled_observation_of_an_earlier_step()
    {
        var scenario = ScenarioLoader.Parse(Header + """
            steps:
              - { at: 0s, admit: p1 }
              - { at: 1m, observe: { patient: p1, kind: hallucination, via: rest, label: mistake } }
              - { at: 2m, retract: { patient: p1, observation: mistake, reason: wrong patient } }
            """, "retract.yaml");

        Assert.Equal("mistake", Assert.IsType<ObserveStep>(scenario.Steps[1]).Label);
        var retract = Assert.IsType<RetractStep>(scenario.Steps[2]);
        Assert.Equal(("p1", "mistake", "wrong patient"), (retract.PatientId, retract.Label, retract.Reason));
    }

    [Fact]
    public void A_retraction_of_an_unknown_or_reused_label_or_without_a_reason_is_refused()
    {
        var error = Fails(Header + """
            steps:
              - { at: 0s, admit: p1 }
              - { at: 1m, retract: { patient: p1, observation: later, reason: too early } }
              - { at: 2m, observe: { patient: p1, kind: delirium, label: later } }
              - { at: 3m, observe: { patient: p1, kind: hallucination, label: later } }
              - { at: 4m, retract: { patient: p1, observation: later } }
            """);

        var messages = error.Errors.Select(e => $"{e.Line}: {e.Message}").ToList();
        Assert.Contains(messages, m => m.StartsWith("11:", StringComparison.Ordinal) && m.Contains("no earlier observe step is labelled 'later'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("13:", StringComparison.Ordinal) && m.Contains("label 'later' is already used", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("14:", StringComparison.Ordinal) && m.Contains("'reason' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_are_checked_against_the_contract()
    {
        var error = Fails(Header + """
            steps:
              - { at: 0s, observe: { patient: p1, kind: pain } }
              - { at: 0s, observe: { patient: p1, kind: hallucination, value: 3 } }
              - { at: 0s, observe: { patient: p1, kind: consciousness, value: Z } }
              - { at: 0s, bolus: { pump: pump-1, doseMg: 10, kind: huge } }
              - { at: 0s, pumpAlarm: { pump: pump-1, alarm: fire } }
              - { at: 0s, run: { pump: pump-1, rateMlPerHour: -3 } }
            expect:
              - { alert: CEILING, patient: p1, by: 1m, state: gone }
            """);

        Assert.Equal(7, error.Errors.Count);
    }

    [Fact]
    public void Broken_yaml_is_reported_with_its_line()
    {
        var error = Fails("name: x\nward: [unclosed\nsteps: []\n");
        Assert.Contains("not valid YAML", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
        Assert.True(error.Errors[0].Line >= 2);
    }

    [Fact]
    public void Missing_name_ward_and_steps_are_required()
    {
        var error = Fails("title: nothing here\n");
        Assert.Equal(3, error.Errors.Count);
    }

    [Fact]
    public void A_bad_file_in_a_folder_is_named_beside_the_good_ones()
    {
        var folder = Directory.CreateTempSubdirectory("scenarios-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "good.yaml"), Header + "steps:\n  - { at: 0s, admit: p1 }\n");
            File.WriteAllText(Path.Combine(folder.FullName, "broken.yaml"), Header + "steps:\n  - { at: 0s, admit: p2 }\n");
            var error = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadDirectory(folder.FullName));
            Assert.Equal("broken.yaml", Assert.Single(error.Errors).File);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
