using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Tests.Topics;

public class TopicMapTests
{
    [Theory]
    [InlineData("devices/pumps/pump-1/status", TopicKind.PumpStatus, "pump-1", "status")]
    [InlineData("devices/pumps/P 7/bolus", TopicKind.PumpBolus, "P 7", "bolus")]
    [InlineData("devices/monitors/mon-3/vitals", TopicKind.Vitals, "mon-3", "vitals")]
    [InlineData("patients/p-12/observations", TopicKind.Observations, "p-12", "observations")]
    public void The_contracts_topics_are_understood(string topic, TopicKind kind, string id, string segment)
    {
        Assert.True(TopicMap.TryParse(topic, out var route));
        Assert.Equal(new TopicRoute(kind, id, segment), route);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("devices/pumps/pump-1/cmd")]
    [InlineData("devices/pumps/pump-1")]
    [InlineData("devices/pumps//status")]
    [InlineData("devices/pumps/pump-1/status/extra")]
    [InlineData("/devices/pumps/pump-1/status")]
    [InlineData("devices/monitors/mon-1/status")]
    [InlineData("devices/pumps/pump-1/vitals")]
    [InlineData("Devices/pumps/pump-1/status")]
    [InlineData("patients/p1")]
    [InlineData("patients//observations")]
    [InlineData("monitoring/rejected")]
    [InlineData("devices/pumps/+/status")]
    [InlineData("devices/pumps/#")]
    public void Anything_else_is_an_unknown_topic(string? topic)
    {
        Assert.False(TopicMap.TryParse(topic, out _));
    }

    [Fact]
    public void A_devices_messages_share_an_ordering_key_across_its_topics_and_kinds_do_not_collide()
    {
        Assert.True(TopicMap.TryParse("devices/pumps/x/status", out var status));
        Assert.True(TopicMap.TryParse("devices/pumps/x/bolus", out var bolus));
        Assert.True(TopicMap.TryParse("patients/x/observations", out var chart));

        Assert.Equal(status.OrderingKey, bolus.OrderingKey);
        Assert.NotEqual(status.OrderingKey, chart.OrderingKey);
    }

    [Fact]
    public void The_subscriptions_are_the_four_inbound_topics()
    {
        Assert.Equal(
            ["devices/pumps/+/status", "devices/pumps/+/bolus", "devices/monitors/+/vitals", "patients/+/observations"],
            TopicMap.Subscriptions);
    }

    [Fact]
    public void A_command_topic_refuses_an_id_that_would_change_the_topic()
    {
        Assert.Equal("devices/pumps/pump-1/cmd", TopicMap.PumpCommandTopic("pump-1"));
        Assert.Throws<ArgumentException>(() => TopicMap.PumpCommandTopic("pump-1/../x"));
        Assert.Throws<ArgumentException>(() => TopicMap.PumpCommandTopic("+"));
        Assert.Throws<ArgumentException>(() => TopicMap.PumpCommandTopic(""));
    }
}
