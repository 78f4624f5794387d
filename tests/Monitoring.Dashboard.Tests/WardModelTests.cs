using Monitoring.Contracts.Views;
using Monitoring.Dashboard.Live;
using Monitoring.Dashboard.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;

namespace Monitoring.Dashboard.Tests;

public sealed class WardModelTests
{
    private static WardView Ward(IReadOnlyList<PatientSnapshot> beds, IReadOnlyList<AlertView> alerts) =>
        new("ward-a", true, beds, [new DeviceView("pump-09", "pump", null, null, null)], alerts, Make.Now);

    [Fact]
    public void A_push_newer_than_what_is_held_replaces_it_and_an_older_one_does_not()
    {
        var model = new WardModel("ward-a");
        model.Load(Ward([Make.Snapshot(doseRate: 0.09m)], []));

        Assert.True(model.Apply(new WardPush("ward-a", WardPushKind.PatientUpdated, Make.Snapshot(doseRate: 0.1m, takenAt: Make.Now.AddSeconds(1)), null)));
        Assert.False(model.Apply(new WardPush("ward-a", WardPushKind.PatientUpdated, Make.Snapshot(doseRate: 0.2m, takenAt: Make.Now.AddSeconds(-1)), null)));

        Assert.Equal(0.1m, model.Beds.Single().DoseRateMgPerKgPerHour);
    }

    [Fact]
    public void A_resolved_alert_leaves_the_list_and_a_discharged_patient_the_ward()
    {
        var model = new WardModel("ward-a");
        model.Load(Ward([Make.Snapshot()], [Make.Alert("a1", AlertPriority.Medium)]));

        model.Apply(new WardPush("ward-a", WardPushKind.AlertChanged, null, Make.Alert("a1", AlertPriority.Medium, state: AlertState.Resolved, changedAt: Make.Now.AddSeconds(1))));
        model.Apply(new WardPush("ward-a", WardPushKind.PatientUpdated, Make.Snapshot(takenAt: Make.Now.AddSeconds(1), discharged: true), null));

        Assert.Empty(model.Alerts);
        Assert.Empty(model.Beds);
    }

    [Fact]
    public void New_high_alerts_and_re_alarms_sound_once_and_what_a_load_finds_does_not()
    {
        var model = new WardModel("ward-a");
        model.Load(Ward([], [Make.Alert("old")]));
        Assert.Equal(0, model.SoundRequests);

        model.Apply(new WardPush("ward-a", WardPushKind.AlertRaised, null, Make.Alert("new", changedAt: Make.Now.AddSeconds(1))));
        model.Apply(new WardPush("ward-a", WardPushKind.AlertChanged, null, Make.Alert("new", escalated: true, changedAt: Make.Now.AddSeconds(2))));
        Assert.Equal(1, model.SoundRequests);

        model.Apply(new WardPush("ward-a", WardPushKind.AlertChanged, null, Make.Alert("old", reAlarmedAt: Make.Now.AddSeconds(3), changedAt: Make.Now.AddSeconds(3))));
        model.Apply(new WardPush("ward-a", WardPushKind.AlertRaised, null, Make.Alert("med", AlertPriority.Medium, changedAt: Make.Now.AddSeconds(3))));
        Assert.Equal(2, model.SoundRequests);
    }

    [Fact]
    public void Pushes_for_another_ward_are_ignored()
    {
        var model = new WardModel("ward-a");
        Assert.False(model.Apply(new WardPush("ward-b", WardPushKind.AlertRaised, null, Make.Alert("x"))));
        Assert.Empty(model.Alerts);
    }
}
