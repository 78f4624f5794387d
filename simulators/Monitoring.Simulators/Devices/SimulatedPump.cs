using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Devices;

/// <summary>
/// A syringe pump as the product sees it over MQTT: status every <see cref="PumpSettings.StatusInterval"/>
/// and on every change, boluses on its bolus topic, its own alarms, and the product's commands obeyed
/// and confirmed in the next status. Time comes from the injected clock, so it runs real or virtual.
/// </summary>
public sealed class SimulatedPump : ISimulatedDevice
{
    private readonly OrderedPublisher _publisher;
    private readonly DeviceClock _clock;
    private readonly SequenceCounter _seq = new();
    private readonly DeviceSilence _silence = new();
    private readonly List<ReceivedCommand> _commands = [];
    private readonly Lock _gate = new();
    // Publishes are chained in the order their seq was taken, even when a command races a tick.

    private readonly RatePlan _plan = new();
    private DateTimeOffset _integratedAt;
    private DateTimeOffset? _lastStatusAt;
    private bool _changed = true;

    public SimulatedPump(PumpSettings settings, IMessagePublisher publisher, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _publisher = new OrderedPublisher(publisher, settings.PumpId);
        _clock = new DeviceClock(time) { Skew = settings.ClockSkew };
        ConcentrationMgPerMl = settings.ConcentrationMgPerMl;
        BootId = NewBootId();
        _integratedAt = _clock.TrueNow;
    }

    public PumpSettings Settings { get; }

    public string DeviceId => Settings.PumpId;

    public string? CommandTopic => Topics.PumpCommand(DeviceId);

    public string BootId { get; private set; }

    public string State { get; private set; } = PumpStates.Stopped;

    public decimal RateMlPerHour { get; private set; }

    public decimal ConcentrationMgPerMl { get; private set; }

    /// <summary>Since this pump was switched on; a new pump starts at 0.</summary>
    public decimal VolumeInfusedMl { get; private set; }

    public string? Alarm { get; private set; }

    public string? LastCommandId { get; private set; }

    public string? LastCommandResult { get; private set; }

    public PumpCommandBehaviour CommandBehaviour { get; set; } = PumpCommandBehaviour.Obey;

    public TimeSpan ClockSkew
    {
        get => _clock.Skew;
        set => _clock.Skew = value;
    }

    public long Published => _publisher.Published;

    /// <summary>Takes the next seq of a topic for a message built outside the device (a malformed burst), keeping seq increasing.</summary>
    public long NextSequence(string topic) => _seq.Next(topic);

    public IReadOnlyList<ReceivedCommand> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>Runs at a rate the nurse keyed in (any regimen is dropped).</summary>
    public void Run(decimal rateMlPerHour)
    {
        lock (_gate)
        {
            Integrate();
            _plan.Clear();
            RateMlPerHour = rateMlPerHour;
            SetState(PumpStates.Running);
        }
    }

    /// <summary>Follows a regimen from now: its first rate at once, later ones when due.</summary>
    public void Follow(IPumpRegimen regimen)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        lock (_gate)
        {
            Integrate();
            _plan.Start(regimen.Plan(ConcentrationMgPerMl, Settings.RateStepMlPerHour), _clock.TrueNow);
            ApplyDuePlan();
            SetState(PumpStates.Running);
        }
    }

    /// <summary>Programs a rate without changing the state (a paused pump stays paused).</summary>
    public void Program(decimal rateMlPerHour)
    {
        lock (_gate)
        {
            Integrate();
            RateMlPerHour = rateMlPerHour;
            _changed = true;
        }
    }

    public void Pause() => Transition(PumpStates.Paused);

    public void Stop() => Transition(PumpStates.Stopped);

    /// <summary>The pump is told a different syringe strength (the commonest 10x error).</summary>
    public void SetConcentration(decimal concentrationMgPerMl)
    {
        lock (_gate)
        {
            Integrate();
            ConcentrationMgPerMl = concentrationMgPerMl;
            _changed = true;
        }
    }

    /// <summary>The pump raises one of its own alarms and stops infusing.</summary>
    public void RaiseAlarm(string alarm)
    {
        if (!PumpAlarms.All.Contains(alarm))
        {
            throw new ArgumentException($"unknown pump alarm '{alarm}'", nameof(alarm));
        }

        lock (_gate)
        {
            Integrate();
            _plan.Clear();
            Alarm = alarm;
            SetState(PumpStates.Alarm);
        }
    }

    /// <summary>The nurse silences and clears the alarm; the pump waits paused until restarted.</summary>
    public void ClearAlarm()
    {
        lock (_gate)
        {
            Integrate();
            Alarm = null;
            SetState(PumpStates.Paused);
        }
    }

    /// <summary>A restart: a new bootId, every seq from 1 again, no remembered command.</summary>
    public void Reboot(string? stateAfter = null)
    {
        lock (_gate)
        {
            Integrate();
            BootId = NewBootId();
            _seq.Reset();
            LastCommandId = null;
            LastCommandResult = null;
            if (stateAfter is not null)
            {
                SetState(stateAfter);
            }

            _changed = true;
        }
    }

    public void SilenceFor(TimeSpan? duration) => _silence.SilenceFor(_clock.TrueNow, duration);

    public void Resume()
    {
        _silence.Resume();
        lock (_gate)
        {
            _changed = true;
        }
    }

    /// <summary>Gives a bolus: reported on the bolus topic; the infusion goes on around it.</summary>
    public async Task<BolusMessage> DeliverBolusAsync(decimal doseMg, string kind, CancellationToken cancellationToken)
    {
        BolusMessage message;
        Task published;
        lock (_gate)
        {
            var topic = Topics.PumpBolus(DeviceId);
            message = new BolusMessage(WireFormat.SchemaVersion, BootId, _seq.Next(topic), _clock.DeviceNow, doseMg, kind);
            published = _publisher.Enqueue(topic, WireFormat.Serialize(message), cancellationToken);
        }

        await published.ConfigureAwait(false);
        return message;
    }

    public Task TickAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Integrate();
            ApplyDuePlan();
            return StatusIfDue() is { } status
                ? _publisher.Enqueue(Topics.PumpStatus(DeviceId), WireFormat.Serialize(status), cancellationToken)
                : Task.CompletedTask;
        }
    }

    public async Task OnCommandAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        PumpCommandMessage? command;
        try
        {
            command = WireFormat.Deserialize<PumpCommandMessage>(payload.Span);
        }
        catch (System.Text.Json.JsonException)
        {
            command = null;
        }

        if (command is null)
        {
            return; // a pump cannot answer what it cannot read
        }

        lock (_gate)
        {
            var result = Execute(command);
            _commands.Add(new ReceivedCommand(_clock.TrueNow, command.CommandId, command.Command, command.RateMlPerHour, command.RuleId, result));
            if (result is not null)
            {
                LastCommandId = command.CommandId;
                LastCommandResult = result;
                _changed = true;
            }
        }

        // The confirmation goes out at once rather than at the next periodic status.
        await TickAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A status taken now whether or not one is due, with the next seq (the load generator's steady schedule).</summary>
    public PumpStatusMessage NextStatus()
    {
        lock (_gate)
        {
            Integrate();
            ApplyDuePlan();
            _changed = false;
            _lastStatusAt = _clock.TrueNow;
            return BuildStatus(_seq.Next(Topics.PumpStatus(DeviceId)));
        }
    }

    /// <summary>The status this pump would publish now with a given seq, changing nothing.</summary>
    public PumpStatusMessage CurrentStatus(long seq)
    {
        lock (_gate)
        {
            return BuildStatus(seq);
        }
    }

    private string? Execute(PumpCommandMessage command)
    {
        var (ignored, answer) = PumpCommandScreen.Of(command, CommandBehaviour, _clock.DeviceNow);
        if (ignored || answer is not null)
        {
            return answer;
        }

        switch (command.Command)
        {
            case CommandResults.Pause:
                Integrate();
                _plan.Clear();
                SetState(PumpStates.Paused);
                return CommandResults.Done;
            case CommandResults.SetRate when command.RateMlPerHour is { } rate && IsProgrammable(rate):
                Integrate();
                _plan.Clear();
                RateMlPerHour = rate;
                _changed = true;
                return CommandResults.Done;
            default:
                return CommandResults.Rejected;
        }
    }

    private bool IsProgrammable(decimal rate) =>
        rate >= 0 && decimal.Remainder(rate, Settings.RateStepMlPerHour) == 0;

    private void Transition(string state)
    {
        lock (_gate)
        {
            Integrate();
            _plan.Clear();
            SetState(state);
        }
    }

    private void SetState(string state)
    {
        if (!PumpStates.All.Contains(state))
        {
            throw new ArgumentException($"unknown pump state '{state}'", nameof(state));
        }

        State = state;
        _changed = true;
    }

    // Volume advances only while running; the syringe running dry raises `empty`.
    private void Integrate()
    {
        var now = _clock.TrueNow;
        if (State == PumpStates.Running && now > _integratedAt)
        {
            VolumeInfusedMl += RateMlPerHour * (decimal)(now - _integratedAt).TotalHours;
            if (Settings.SyringeVolumeMl is { } syringe && VolumeInfusedMl >= syringe)
            {
                VolumeInfusedMl = syringe;
                Alarm = PumpAlarms.Empty;
                _plan.Clear();
                SetState(PumpStates.Alarm);
            }
        }

        _integratedAt = now;
    }

    private void ApplyDuePlan()
    {
        if (State != PumpStates.Running && _plan.Started)
        {
            return;
        }

        if (_plan.TakeDue(_clock.TrueNow) is { } rate)
        {
            RateMlPerHour = rate;
            _changed = true;
        }
    }

    private PumpStatusMessage? StatusIfDue()
    {
        var now = _clock.TrueNow;
        if (_silence.IsSilent(now))
        {
            return null;
        }

        var due = _changed || _lastStatusAt is null || now - _lastStatusAt.Value >= Settings.StatusInterval;
        if (!due)
        {
            return null;
        }

        _changed = false;
        _lastStatusAt = now;
        return BuildStatus(_seq.Next(Topics.PumpStatus(DeviceId)));
    }

    private PumpStatusMessage BuildStatus(long seq) => new(
        WireFormat.SchemaVersion,
        BootId,
        seq,
        _clock.DeviceNow,
        State,
        RateMlPerHour,
        Settings.RateStepMlPerHour,
        ConcentrationMgPerMl,
        decimal.Round(VolumeInfusedMl, 3),
        Settings.Drug,
        Alarm,
        LastCommandId,
        LastCommandResult);

    private static string NewBootId() => Guid.NewGuid().ToString("N");
}
