using System.Globalization;
using Monitoring.Contracts.Views;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// An admitted patient whose pump and monitor publish through a real Mosquitto, driven on the host's virtual clock:
/// every reading is received at <see cref="Now"/> (the devices' own clocks say the same), and the clock moves only by
/// <see cref="Advance"/>. A charge nurse's session comes with it.
/// </summary>
public sealed class MosquittoBed : IAsyncDisposable
{
    private long _seq;

    private MosquittoBed(Session charge, string patientId, MosquittoDevice? pump, MosquittoDevice monitor, DateTimeOffset now)
    {
        Charge = charge;
        PatientId = patientId;
        PumpDevice = pump;
        Monitor = monitor;
        Now = now;
        foreach (var device in new[] { pump, monitor })
        {
            device?.Clock = () => Now;
        }
    }

    public Session Charge { get; }

    public string PatientId { get; }

    public MosquittoDevice Pump => PumpDevice ?? throw new InvalidOperationException("this bed has no pump");

    public MosquittoDevice Monitor { get; }

    /// <summary>The host's virtual clock (it moves only when this bed advances it).</summary>
    public DateTimeOffset Now { get; private set; }

    private MosquittoDevice? PumpDevice { get; }

    /// <summary>Admits a patient on <paramref name="host"/> and associates the devices (each a user of <paramref name="broker"/>).</summary>
    public static async Task<MosquittoBed> Admit(ProductionHost host, MosquittoBroker broker, string pumpId, string monitorId, bool withPump = true)
    {
        ArgumentNullException.ThrowIfNull(host);
        var charge = await host.SignIn(TestUsers.Charge);
        var patientId = $"p-{Guid.NewGuid():N}"[..14];
        await ProductionHost.Admit(charge, patientId, "B8");
        await PatientDevices.Attach(charge, patientId, withPump ? pumpId : null, monitorId);
        var pump = withPump ? await MosquittoDevice.Connect(broker, pumpId, "prod") : null;
        var monitor = await MosquittoDevice.Connect(broker, monitorId, "prod");
        return new MosquittoBed(charge, patientId, pump, monitor, await ProductionHost.ClockNow(charge));
    }

    /// <summary>The next seq (one counter for both devices: each device's seqs still rise).</summary>
    public long NextSeq() => ++_seq;

    /// <summary>
    /// Vitals (heart rate as given, SpO2 97, RR 14) and, with <paramref name="rateMlPerHour"/>, a running pump's status,
    /// both received now; returns the snapshot once the grain has applied both.
    /// </summary>
    public async Task<PatientSnapshot> Reading(int heartRate, decimal? rateMlPerHour)
    {
        await Monitor.Vitals(NextSeq(), heartRate, spo2: 97, respRate: 14);
        if (rateMlPerHour is { } rate)
        {
            await Pump.PumpStatus("running", rate, seq: NextSeq());
        }

        var now = Now;
        var text = heartRate.ToString(CultureInfo.InvariantCulture);
        return await Polling.Until(
            () => ProductionHost.Patient(Charge, PatientId),
            s => s.Vitals.HeartRate is { } hr && hr.At == now && hr.Value == text
                && (rateMlPerHour is null || (s.Pump is { LastMessageAt: { } at } pump && at == now && pump.RateMlPerHour == rateMlPerHour)),
            $"heart rate {heartRate} (and pump rate {rateMlPerHour}) applied at {now:O}", ProductionHost.Generous);
    }

    public async Task Advance(int seconds) => Now = await ProductionHost.AdvanceClock(Charge, seconds);

    public async ValueTask DisposeAsync()
    {
        if (PumpDevice is not null)
        {
            await PumpDevice.DisposeAsync();
        }

        await Monitor.DisposeAsync();
        Charge.Dispose();
    }
}
