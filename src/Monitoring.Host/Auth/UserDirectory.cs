using Microsoft.AspNetCore.Identity;
using Monitoring.Application.Access;

namespace Monitoring.Host.Auth;

/// <summary>The users who may sign in (demo users in embedded mode, configured users always), checked against their hashes.</summary>
public sealed class UserDirectory
{
    private readonly Dictionary<string, ConfiguredUser> _users;
    private readonly PasswordHasher<ConfiguredUser> _hasher = new();

    // Compared against when the name is unknown, so an unknown name costs as much time as a wrong password.
    private readonly string _decoyHash;

    public UserDirectory(IEnumerable<ConfiguredUser> users)
    {
        _users = new Dictionary<string, ConfiguredUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            var role = Roles.Normalise(user.Role)
                ?? throw new InvalidOperationException($"user '{user.Username}': role '{user.Role}' is none of {string.Join(", ", Roles.All)}");
            if (string.IsNullOrWhiteSpace(user.Username) || string.IsNullOrWhiteSpace(user.PasswordHash))
            {
                throw new InvalidOperationException("every user needs a username and a passwordHash");
            }

            if (!_users.TryAdd(user.Username.Trim(), new ConfiguredUser { Username = user.Username.Trim(), Role = role, PasswordHash = user.PasswordHash, Wards = user.Wards }))
            {
                throw new InvalidOperationException($"user '{user.Username}' is defined twice");
            }
        }

        _decoyHash = _hasher.HashPassword(new ConfiguredUser(), Guid.NewGuid().ToString("N"));
    }

    public int Count => _users.Count;

    /// <summary>The user of that name (any case), or null: what a signed-in cookie's name may still do is looked up here.</summary>
    public ConfiguredUser? Find(string username) => _users.GetValueOrDefault(username.Trim());

    public IEnumerable<ConfiguredUser> All => _users.Values;

    /// <summary>The user when the password matches its hash; null otherwise.</summary>
    public ConfiguredUser? Verify(string username, string password)
    {
        if (!_users.TryGetValue(username.Trim(), out var user))
        {
            _hasher.VerifyHashedPassword(new ConfiguredUser(), _decoyHash, password);
            return null;
        }

        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        return result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded ? user : null;
    }
}
