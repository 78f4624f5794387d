using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Devices;

/// <summary>
/// A bedside monitor: plausible noisy vitals with slow trends every <see cref="MonitorSettings.ReportInterval"/>,
/// and the artefacts the product must not mistake for a patient: a brief SpO2 dip, a probe off (SpO2
/// absent while the rest still reports), and silence.
/// </summary>
public sealed class SimulatedMonitor : ISimulatedDevice
{
    private readonly IMessagePublisher _publisher;
    private readonly DeviceClock _clock;
    private readonly SequenceCounter _seq = new();
    private readonly DeviceSilence _silence = new();
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly VitalChannel _heartRate;
    private readonly VitalChannel _spo2;
    private readonly VitalChannel _respRate;
    private readonly VitalChannel _systolic;
    private readonly VitalChannel _diastolic;
    private readonly VitalChannel _temperature;
    private string? _rhythm;
    private DateTimeOffset? _lastReportAt;
    private (DateTimeOffset Until, decimal Value)? _spo2Dip;
    private DateTimeOffset? _probeOffUntil;
    private bool _probeOffIndefinitely;
    private long _published;

    public SimulatedMonitor(MonitorSettings settings, IMessagePublisher publisher, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _publisher = publisher;
        _clock = new DeviceClock(time) { Skew = settings.ClockSkew };
        _random = new Random(settings.Seed);
        BootId = Guid.NewGuid().ToString("N");
        var baseline = settings.Baseline.Over(Physiology.RestingAdult);
        _heartRate = Channel(baseline.HeartRate, Physiology.HeartRateScatter, Physiology.HeartRateWander, Physiology.HeartRateDisplayMax);
        _spo2 = Channel(baseline.Spo2, Physiology.Spo2Scatter, Physiology.Spo2Wander, Physiology.Spo2DisplayMax);
        _respRate = Channel(baseline.RespRate, Physiology.RespRateScatter, Physiology.RespRateWander, Physiology.RespRateDisplayMax);
        _systolic = Channel(baseline.Systolic, Physiology.SystolicScatter, Physiology.SystolicWander, Physiology.PressureDisplayMax);
        _diastolic = Channel(baseline.Diastolic, Physiology.DiastolicScatter, Physiology.DiastolicWander, Physiology.PressureDisplayMax);
        _temperature = new VitalChannel((double)(baseline.Temperature ?? 0), Physiology.TemperatureScatter, Physiology.TemperatureWander, Physiology.TemperatureDisplayMin, Physiology.TemperatureDisplayMax);
        _rhythm = baseline.Rhythm;
    }

    public MonitorSettings Settings { get; }

    public string DeviceId => Settings.MonitorId;

    public string? CommandTopic => null;

    public string BootId { get; private set; }

    public TimeSpan ClockSkew
    {
        get => _clock.Skew;
        set => _clock.Skew = value;
    }

    public long Published => Interlocked.Read(ref _published);

    /// <summary>Takes the next seq of a topic for a message built outside the device (a malformed burst), keeping seq increasing.</summary>
    public long NextSequence(string topic) => _seq.Next(topic);

    /// <summary>The patient changes: each named parameter moves to its target over <paramref name="over"/> (zero: at once).</summary>
    public void ChangeTowards(VitalsProfile targets, TimeSpan over)
    {
        ArgumentNullException.ThrowIfNull(targets);
        lock (_gate)
        {
            var now = _clock.TrueNow;
            Ramp(_heartRate, targets.HeartRate, now, over);
            Ramp(_spo2, targets.Spo2, now, over);
            Ramp(_respRate, targets.RespRate, now, over);
            Ramp(_systolic, targets.Systolic, now, over);
            Ramp(_diastolic, targets.Diastolic, now, over);
            Ramp(_temperature, targets.Temperature, now, over);
            _rhythm = targets.Rhythm ?? _rhythm;
        }
    }

    /// <summary>A brief SpO2 dip (movement, cold fingers) that recovers by itself.</summary>
    public void DipSpo2(decimal to, TimeSpan duration)
    {
        lock (_gate)
        {
            _spo2Dip = (_clock.TrueNow + duration, to);
        }
    }

    /// <summary>The SpO2 probe falls off: SpO2 disappears from the readings, everything else goes on.</summary>
    public void ProbeOff(TimeSpan? duration)
    {
        lock (_gate)
        {
            _probeOffIndefinitely = duration is null;
            _probeOffUntil = duration is { } d ? _clock.TrueNow + d : null;
        }
    }

    public void ProbeOn()
    {
        lock (_gate)
        {
            _probeOffIndefinitely = false;
            _probeOffUntil = null;
        }
    }

    public void SilenceFor(TimeSpan? duration) => _silence.SilenceFor(_clock.TrueNow, duration);

    public void Resume() => _silence.Resume();

    /// <summary>A restart: a new bootId and seq from 1.</summary>
    public void Reboot()
    {
        lock (_gate)
        {
            BootId = Guid.NewGuid().ToString("N");
            _seq.Reset();
        }
    }

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        VitalsMessage? reading;
        lock (_gate)
        {
            var now = _clock.TrueNow;
            var due = !_silence.IsSilent(now) && (_lastReportAt is null || now - _lastReportAt.Value >= Settings.ReportInterval);
            reading = due ? Read(now) : null;
        }

        if (reading is not null && await _publisher.PublishAsync(DeviceId, Topics.MonitorVitals(DeviceId), WireFormat.Serialize(reading), cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _published);
        }
    }

    public Task OnCommandAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Takes a reading now, whether or not one is due (the load generator and tests).</summary>
    public VitalsMessage ReadNow()
    {
        lock (_gate)
        {
            return Read(_clock.TrueNow);
        }
    }

    /// <summary>A reading at the current targets with a given seq, without moving the noise or the schedule.</summary>
    public VitalsMessage Sample(long seq)
    {
        lock (_gate)
        {
            return new VitalsMessage(WireFormat.SchemaVersion, BootId, seq, _clock.DeviceNow)
            {
                HeartRate = Whole(_heartRate.Target),
                Spo2 = Whole(_spo2.Target),
                RespRate = Whole(_respRate.Target),
                Systolic = Whole(_systolic.Target),
                Diastolic = Whole(_diastolic.Target),
                Temperature = decimal.Round((decimal)_temperature.Target, 1),
                Rhythm = _rhythm,
            };
        }
    }

    private VitalsMessage Read(DateTimeOffset now)
    {
        var sinceLast = _lastReportAt is { } last ? now - last : Settings.ReportInterval;
        _lastReportAt = now;
        var noisy = Settings.Noise;
        var spo2 = _spo2.Read(now, sinceLast, _random, noisy);
        if (_spo2Dip is { } dip)
        {
            if (now < dip.Until)
            {
                spo2 = (double)dip.Value;
            }
            else
            {
                _spo2Dip = null;
            }
        }

        var probeOff = _probeOffIndefinitely || (_probeOffUntil is { } until && now < until);
        return new VitalsMessage(WireFormat.SchemaVersion, BootId, _seq.Next(Topics.MonitorVitals(DeviceId)), _clock.DeviceNow)
        {
            HeartRate = Whole(_heartRate.Read(now, sinceLast, _random, noisy)),
            Spo2 = probeOff ? null : Whole(spo2),
            RespRate = Whole(_respRate.Read(now, sinceLast, _random, noisy)),
            Systolic = Whole(_systolic.Read(now, sinceLast, _random, noisy)),
            Diastolic = Whole(_diastolic.Read(now, sinceLast, _random, noisy)),
            Temperature = decimal.Round((decimal)_temperature.Read(now, sinceLast, _random, noisy), 1),
            Rhythm = _rhythm,
        };
    }

    private static int Whole(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static VitalChannel Channel(decimal? baseline, double scatter, double wander, double max) =>
        new((double)(baseline ?? 0), scatter, wander, 0, max);

    private static void Ramp(VitalChannel channel, decimal? target, DateTimeOffset now, TimeSpan over)
    {
        if (target is { } t)
        {
            channel.RampTo((double)t, now, over);
        }
    }
}
