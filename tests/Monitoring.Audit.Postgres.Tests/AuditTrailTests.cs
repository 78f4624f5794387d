using Monitoring.Audit.Postgres.Tests.Support;
using Monitoring.Contracts.Views;

namespace Monitoring.Audit.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AuditTrailTests(PostgresFixture server)
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 30, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Appended_entry_comes_back_with_every_field()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        var entry = new AuditEntry(T0, "charge", "alert.acknowledged", "patient-7", "{\"alertId\":\"a-1\",\"note\":\"seen\"}", "ward-a", "patient/patient-7/0197");

        await scope.Trail.AppendAsync(entry);
        var entries = await scope.Trail.QueryAsync(null, null, null);

        Assert.Equal([entry], entries);
        Assert.True(scope.Trail.IsDurable);
    }

    [Fact]
    public async Task Entries_without_patient_or_ward_keep_the_nulls()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        var entry = new AuditEntry(T0, "system", "ward.unwatched", null, "", null);

        await scope.Trail.AppendAsync(entry);

        var stored = Assert.Single(await scope.Trail.QueryAsync(null, null, null));
        Assert.Null(stored.PatientId);
        Assert.Null(stored.WardId);
        Assert.Equal("", stored.Details);
    }

    [Fact]
    public async Task Time_is_stored_as_the_same_instant_and_read_back_in_UTC()
    {
        // The server runs with TimeZone=Europe/Paris, so a result in UTC is not the server's local zone by chance.
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        var local = new DateTimeOffset(2025, 3, 30, 3, 15, 42, 123, TimeSpan.FromHours(2)).AddTicks(4567); // 01:15:42.1234567Z, just after the DST change
        await scope.Trail.AppendAsync(new AuditEntry(local, "charge", "patient.updated", "p1", "weight"));

        var stored = Assert.Single(await scope.Trail.QueryAsync("p1", null, null));

        Assert.Equal(TimeSpan.Zero, stored.At.Offset);
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 15, 42, 123, TimeSpan.Zero).AddTicks(4560), stored.At); // microseconds kept, 100 ns dropped
        var asText = await server.ScalarAsync<string>($"SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM {scope.Schema}.entries");
        Assert.Equal("2025-03-30 01:15:42.123456", asText);
    }

    [Fact]
    public async Task Query_is_oldest_first_and_equal_times_keep_their_append_order()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        var appended = new[]
        {
            new AuditEntry(T0.AddMinutes(5), "a", "third", "p1", ""),
            new AuditEntry(T0, "a", "first", "p1", ""),
            new AuditEntry(T0.AddMinutes(10), "a", "fifth", "p1", ""),
            new AuditEntry(T0.AddMinutes(5), "a", "fourth", "p1", ""),
            new AuditEntry(T0.AddMinutes(1).ToOffset(TimeSpan.FromHours(-5)), "a", "second", "p1", ""),
        };
        foreach (var entry in appended)
        {
            await scope.Trail.AppendAsync(entry);
        }

        var actions = (await scope.Trail.QueryAsync(null, null, null)).Select(e => e.Action);

        Assert.Equal(["first", "second", "third", "fourth", "fifth"], actions);
    }

    [Fact]
    public async Task Filters_by_patient_and_by_an_inclusive_time_range()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        for (var minute = 0; minute < 6; minute++)
        {
            await scope.Trail.AppendAsync(new AuditEntry(T0.AddMinutes(minute), "a", $"p1-{minute}", "p1", ""));
            await scope.Trail.AppendAsync(new AuditEntry(T0.AddMinutes(minute), "a", $"p2-{minute}", "p2", ""));
        }

        await scope.Trail.AppendAsync(new AuditEntry(T0.AddMinutes(3), "a", "ward-only", null, "", "ward-a"));

        async Task<string[]> Actions(string? patient, DateTimeOffset? from, DateTimeOffset? to) =>
            [.. (await scope.Trail.QueryAsync(patient, from, to)).Select(e => e.Action)];

        Assert.Equal(["p1-0", "p1-1", "p1-2", "p1-3", "p1-4", "p1-5"], await Actions("p1", null, null));
        Assert.Equal(["p2-2", "p2-3", "p2-4"], await Actions("p2", T0.AddMinutes(2), T0.AddMinutes(4)));
        Assert.Equal(["p1-4", "p1-5"], await Actions("p1", T0.AddMinutes(4), null));
        Assert.Equal(["p1-0", "p2-0", "p1-1", "p2-1"], await Actions(null, null, T0.AddMinutes(1)));
        Assert.Equal(["p1-3", "p2-3", "ward-only"], await Actions(null, T0.AddMinutes(3), T0.AddMinutes(3)));
        // A range given with another offset means the same instants.
        Assert.Equal(["p1-3"], await Actions("p1", T0.AddMinutes(3).ToOffset(TimeSpan.FromHours(9)), T0.AddMinutes(3).ToOffset(TimeSpan.FromHours(-3))));
        Assert.Empty(await Actions("nobody", null, null));
        Assert.Empty(await Actions("p1", T0.AddMinutes(4), T0.AddMinutes(3)));
    }

    [Fact]
    public async Task Text_is_stored_as_given_including_quotes_and_non_ascii()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        var entry = new AuditEntry(T0, "infirmière'; DROP TABLE x; --", "observation.retracted", "p'1", "raison: « erreur de saisie » \\ \"quoted\"");

        await scope.Trail.AppendAsync(entry);

        Assert.Equal([entry], await scope.Trail.QueryAsync("p'1", null, null));
    }

    [Fact]
    public async Task Concurrent_appends_are_all_kept()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            scope.Trail.AppendAsync(new AuditEntry(T0.AddSeconds(i), "a", $"n{i}", $"p{i % 4}", ""))));

        var entries = await scope.Trail.QueryAsync(null, null, null);
        Assert.Equal(200, entries.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"n{i}"), entries.Select(e => e.Action));
    }

    [Fact]
    public async Task An_entry_appended_again_with_its_key_is_one_row_and_entries_without_a_key_are_all_kept()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        var keyed = new AuditEntry(T0, "nurse", "alert-acknowledged", "p1", "p:p1:1 seen", "ward-a", "patient/p1/1");
        var unkeyed = new AuditEntry(T0, "system", "alert-raised", "p1", "p:p1:1", "ward-a");

        await scope.Trail.AppendAsync(keyed);
        await scope.Trail.AppendAsync(keyed);
        await scope.Trail.AppendAsync(keyed with { At = T0.AddMinutes(1), Details = "appended again after a crash" });
        await scope.Trail.AppendAsync(unkeyed);
        await scope.Trail.AppendAsync(unkeyed);
        await scope.Trail.AppendAsync(keyed with { Key = "patient/p1/2" });

        var entries = await scope.Trail.QueryAsync("p1", null, null);

        Assert.Equal([keyed, unkeyed, unkeyed, keyed with { Key = "patient/p1/2" }], entries);
        Assert.Equal(4, await server.ScalarAsync<long>($"SELECT count(*) FROM {scope.Schema}.entries"));
    }

    [Fact]
    public async Task The_same_key_appended_concurrently_is_one_row()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        var entry = new AuditEntry(T0, "system", "pump-command-sent", "p1", "c-1", "ward-a", "patient/p1/7");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => scope.Trail.AppendAsync(entry)));

        Assert.Equal([entry], await scope.Trail.QueryAsync(null, null, null));
    }
}
