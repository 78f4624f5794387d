using System.Globalization;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// Plays a generated course through the pure <see cref="ClinicalEngine"/> and the <see cref="AlertBook"/> the way the
/// patient grain does (PatientGrain.Evaluate): each input is one engine call at the server time, its holding
/// conditions are reconciled into the book, then the book's own deadlines are ticked. A clock jump fires every engine
/// and book deadline on the way, as the grain's timer would (the grain's 5 s safety tick is not replayed: it only
/// rechecks sliding windows between deadlines). Readmission follows PatientGrain.Admit: discharge releases the
/// devices, old alerts leave the book, within 24 h the course continues, later a new one starts.
/// </summary>
public sealed partial class CourseDriver
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private const string PatientId = "pt-1";
    private const string WardId = "ward-a";
    private const int MaxDeadlinesPerJump = 400;

    private readonly ProtocolParameters _p = SeedProtocol.Parameters;
    private readonly ClinicalEngine _engine = new(SeedProtocol.Parameters);
    private readonly CourseSetup _setup;
    private readonly List<AlertEvent> _events = [];
    private readonly List<PumpCommand> _commands = [];
    private int _alertSeq;
    private int _observationSeq;
    private int _pumpSeq;
    private int _monitorSeq;
    private int _index;
    private (decimal MgPerKg, bool JudgedAcute)? _bolus;
    private decimal? _midazolam;

    public CourseDriver(CourseSetup setup)
    {
        _setup = setup;
        State = Admitted(setup);
        Run(_engine.Evaluate(State, Context));
        _pump = NewPump(setup.PumpRateStepMlPerHour, setup.SyringeConcentrationMgPerMl);
        Run(_engine.AssociatePump(State, _pump.Id, Context));
        var monitor = NewMonitorId();
        Run(_engine.AssociateMonitor(State, monitor, Context));
        Model = CourseModel.Empty with { MonitorAssociatedAt = Now };
        Initial = Frame(null, $"admitted: {setup}; {_pump.Id} and {monitor} associated");
    }

    public CourseFrame Initial { get; }

    public DateTimeOffset Now { get; private set; } = Start;

    public PatientState State { get; private set; }

    public AlertBook Book { get; private set; } = AlertBook.Empty;

    public EngineResult? LastResult { get; private set; }

    public CourseModel Model { get; private set; }

    private SimulatedPump? _pump;

    private EngineContext Context => new(Now, _setup.Enforcing);

    /// <summary>Plays one step (one second after the previous one, unless it is a clock jump) and returns what is observable after it.</summary>
    public CourseFrame Apply(CourseStep step)
    {
        _index++;
        _events.Clear();
        _commands.Clear();
        _bolus = null;
        _acuteOverLimit = false;
        _midazolam = null;
        var before = State;
        if (step.Kind != CourseStepKind.ClockJump)
        {
            AdvanceTo(Now + TimeSpan.FromSeconds(1), finalTick: false);
        }

        var stamp = Stamp(Now);
        var text = Play(step);
        UpdateModel(before);
        return Frame(step.Kind, $"{stamp} {text}{Outcome()}");
    }

    public static string Stamp(DateTimeOffset now)
    {
        var since = now - Start;
        return string.Create(CultureInfo.InvariantCulture, $"t+{(int)since.TotalHours:00}:{since.Minutes:00}:{since.Seconds:00}");
    }

    private static PatientState Admitted(CourseSetup setup) => new()
    {
        PatientId = PatientId,
        WardId = WardId,
        Prescription = new Prescription(setup.Regimen, setup.WeightKg, DateOnly.FromDateTime(Start.UtcDateTime), false, setup.PrescribedConcentrationMgPerMl),
        Eligibility = new Eligibility(true, true, true),
        BaselinePain = 7m,
    };

    /// <summary>One engine result through the grain's loop: state kept, book reconciled then ticked, events and commands collected.</summary>
    private void Run(EngineResult result)
    {
        State = result.State;
        LastResult = result;
        var reconciled = Book.Reconcile(result.Holding, Now, () => $"alert-{++_alertSeq}", _p.Rule, PatientId, WardId, _p.Alerts);
        var ticked = reconciled.Book.Tick(Now, _p.Alerts);
        Book = ticked.Book;
        _events.AddRange(reconciled.Events);
        _events.AddRange(ticked.Events);
        _commands.AddRange(result.Commands);
    }

    /// <summary>Moves the clock, firing each engine and book deadline on the way (as the grain's timer does).</summary>
    private void AdvanceTo(DateTimeOffset target, bool finalTick)
    {
        for (var i = 0; i < MaxDeadlinesPerJump; i++)
        {
            var next = Earliest(Future(LastResult?.NextDeadline), Future(Book.NextDeadline));
            if (next is not { } at || at > target)
            {
                break;
            }

            Now = at;
            Run(_engine.OnTick(State, Context));
        }

        Now = target;
        if (finalTick)
        {
            Run(_engine.OnTick(State, Context));
        }
    }

    private DateTimeOffset? Future(DateTimeOffset? at) => at is { } t && t > Now ? t : null;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private SimulatedPump NewPump(decimal step, decimal concentration) => new($"pump-{++_pumpSeq}", step, concentration);

    private string NewMonitorId() => $"monitor-{++_monitorSeq}";

    private CourseFrame Frame(CourseStepKind? kind, string text) =>
        new(_index, kind, text, Now, State, LastResult!, Book, [.. _events], [.. _commands], Model, _bolus, _midazolam);

    /// <summary>What the step made the product do: commands sent and alerts raised, re-alarmed, latched or resolved.</summary>
    private string Outcome()
    {
        var parts = new List<string>();
        parts.AddRange(_commands.Select(c => c.Kind == PumpCommandKind.SetRate
            ? $"command {c.CommandId} setRate {c.RateMlPerHour} mL/h for {c.RuleId}"
            : $"command {c.CommandId} pause for {c.RuleId}"));
        parts.AddRange(_events.Where(e => e.Type is not AlertEventType.Updated and not AlertEventType.Escalated)
            .Select(e => $"{e.Type.ToString().ToLowerInvariant()} {e.Alert.RuleId} {e.Alert.Priority.ToString().ToUpperInvariant()}"
                + (e.Type is AlertEventType.Raised or AlertEventType.ReAlarmed ? $" \"{e.Alert.LastValue}\"" : "")));
        return parts.Count == 0 ? "" : " => " + string.Join("; ", parts);
    }
}
