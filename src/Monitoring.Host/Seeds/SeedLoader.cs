using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Application.Access;
using Monitoring.Contracts;
using Monitoring.Contracts.Ids;
using Monitoring.Grains.Configuration;
using Monitoring.Host.Auth;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Host.Seeds;

/// <summary>
/// Reads the seeds folder: ketamine-protocol.json (every clinical number), wards/*.json (one file per
/// ward) and, in embedded mode, users.json. Any mistake throws <see cref="SeedFileException"/> naming
/// the file and every problem found, so a bad file stops start-up with its message.
/// </summary>
public static class SeedLoader
{
    public const string ProtocolFile = "ketamine-protocol.json";
    public const string WardsFolder = "wards";
    public const string UsersFile = "users.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static SeedSet Load(string folder, bool loadDemoUsers)
    {
        if (!Directory.Exists(folder))
        {
            throw new SeedFileException($"the seeds folder {folder} does not exist (Seeds:Path)");
        }

        var protocolPath = Path.Combine(folder, ProtocolFile);
        var protocolJson = ReadText(protocolPath);
        ProtocolParameters protocol;
        try
        {
            protocol = ProtocolParametersLoader.Parse(protocolJson);
        }
        catch (ProtocolParametersException ex)
        {
            throw new SeedFileException($"{protocolPath}: {ex.Message}", ex);
        }

        // The zone of every ward without a file (and of files that name none).
        if (!WardTimeZone.IsKnown(protocol.Ward.TimeZone))
        {
            throw new SeedFileException($"{protocolPath}: ward.timeZone: '{protocol.Ward.TimeZone}' is not an IANA time zone id this host knows (e.g. Europe/London)");
        }

        var wards = LoadWards(Path.Combine(folder, WardsFolder), protocolJson);
        var users = loadDemoUsers ? LoadUsers(Path.Combine(folder, UsersFile)) : [];
        return new SeedSet(folder, protocol, wards, users);
    }

    public static IReadOnlyList<WardSettings> LoadWards(string wardsFolder, string protocolJson)
    {
        if (!Directory.Exists(wardsFolder))
        {
            return [];
        }

        var wards = new List<WardSettings>();
        var deviceOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(wardsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var ward = LoadWard(path, protocolJson);
            if (wards.Any(w => w.WardId == ward.WardId))
            {
                throw new SeedFileException($"{path}: ward id '{ward.WardId}' is already defined by another ward file");
            }

            foreach (var device in ward.Devices)
            {
                if (!deviceOwners.TryAdd(device.DeviceId, ward.WardId))
                {
                    throw new SeedFileException($"{path}: device '{device.DeviceId}' is already in ward '{deviceOwners[device.DeviceId]}'s inventory");
                }
            }

            wards.Add(ward);
        }

        return wards;
    }

    public static WardSettings LoadWard(string path, string protocolJson)
    {
        var file = Deserialize<WardSeedFile>(path);
        var errors = new List<string>();

        var id = file.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            errors.Add("id: is required");
        }
        else if (!WardIds.IsValid(id))
        {
            errors.Add($"id: '{id}' may hold only letters, digits, '-', '_' and '.'");
        }

        var beds = file.Beds ?? [];
        if (beds.Count == 0)
        {
            errors.Add("beds: at least one bed is required");
        }

        if (beds.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("beds: a bed id is empty");
        }

        foreach (var duplicate in beds.GroupBy(b => b, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"beds: '{duplicate.Key}' is listed twice");
        }

        var devices = new List<WardDevice>();
        for (var i = 0; i < (file.Devices?.Count ?? 0); i++)
        {
            var device = file.Devices![i];
            if (string.IsNullOrWhiteSpace(device.Id))
            {
                errors.Add($"devices[{i}].id: is required");
                continue;
            }

            if (!Wire.TryParse(device.Type, out DeviceType type))
            {
                errors.Add($"devices[{i}].type: '{device.Type}' is neither pump nor monitor");
                continue;
            }

            if (devices.Any(d => d.DeviceId == device.Id))
            {
                errors.Add($"devices[{i}].id: '{device.Id}' is listed twice");
                continue;
            }

            devices.Add(new WardDevice(device.Id.Trim(), type));
        }

        var overrides = file.Overrides?.DeepClone().AsObject() ?? [];
        if (file.Mode is not null)
        {
            var enforcing = file.Mode.Trim().ToLowerInvariant() switch
            {
                "enforcing" => true,
                "advisory" => false,
                _ => (bool?)null,
            };
            if (enforcing is null)
            {
                errors.Add($"mode: '{file.Mode}' is neither enforcing nor advisory");
            }
            else if (overrides["ward"] is JsonObject wardSection && wardSection["enforcingMode"] is JsonNode given
                     && given.GetValueKind() is JsonValueKind.True or JsonValueKind.False && given.GetValue<bool>() != enforcing)
            {
                errors.Add("mode: contradicts overrides.ward.enforcingMode");
            }
            else
            {
                if (overrides["ward"] is not JsonObject section)
                {
                    section = [];
                    overrides["ward"] = section;
                }

                section["enforcingMode"] = enforcing.Value;
            }
        }

        if (file.TimeZone is not null)
        {
            if (overrides["ward"] is not JsonObject zoneSection)
            {
                zoneSection = [];
                overrides["ward"] = zoneSection;
            }

            zoneSection["timeZone"] = file.TimeZone.Trim();
        }

        if (errors.Count > 0)
        {
            throw new SeedFileException($"{path}: {string.Join("; ", errors)}");
        }

        ProtocolParameters parameters;
        try
        {
            parameters = ProtocolParametersLoader.ParseWithWardOverrides(protocolJson, overrides.Count == 0 ? null : overrides.ToJsonString());
        }
        catch (ProtocolParametersException ex)
        {
            throw new SeedFileException($"{path}: {ex.Message}", ex);
        }

        // An unknown zone would put every time on screen in the wrong hour: refused at start, naming the key it came from.
        if (!WardTimeZone.IsKnown(parameters.Ward.TimeZone))
        {
            var key = file.TimeZone is not null ? "timeZone" : overrides["ward"]?["timeZone"] is not null ? "overrides.ward.timeZone" : "ward.timeZone (protocol file default)";
            throw new SeedFileException($"{path}: {key}: '{parameters.Ward.TimeZone}' is not an IANA time zone id this host knows (e.g. Europe/London)");
        }

        return new WardSettings(id!, string.IsNullOrWhiteSpace(file.DisplayName) ? id! : file.DisplayName.Trim(), beds, devices, parameters);
    }

    public static IReadOnlyList<ConfiguredUser> LoadUsers(string path)
    {
        if (!File.Exists(path))
        {
            throw new SeedFileException($"{path}: the demo users file is missing (set Auth:DemoUsers=false to run without demo users)");
        }

        var file = Deserialize<UserSeedFile>(path);
        for (var i = 0; i < file.Users.Count; i++)
        {
            var user = file.Users[i];
            if (string.IsNullOrWhiteSpace(user.Username) || string.IsNullOrWhiteSpace(user.PasswordHash) || Roles.Normalise(user.Role) is null)
            {
                throw new SeedFileException($"{path}: users[{i}] needs a username, a passwordHash and a role ({string.Join(", ", Roles.All)})");
            }
        }

        return file.Users;
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SeedFileException($"{path}: cannot be read: {ex.Message}", ex);
        }
    }

    private static T Deserialize<T>(string path)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(ReadText(path), Json)
                ?? throw new SeedFileException($"{path}: is empty (null)");
        }
        catch (JsonException ex)
        {
            throw new SeedFileException($"{path}: is not valid JSON: {ex.Message}", ex);
        }
    }
}
