using Microsoft.AspNetCore.Identity;

namespace Monitoring.Host.Auth;

/// <summary>
/// `Monitoring.Host hash-password`: reads a password from standard input and prints its hash for
/// Auth__Users__N__PasswordHash or seeds/users.json (the password itself is never stored).
/// </summary>
public static class PasswordHashCommand
{
    public const string Name = "hash-password";

    public static bool TryRun(string[] args, TextReader input, TextWriter output)
    {
        if (args.Length == 0 || !string.Equals(args[0], Name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            output.WriteLine("usage: echo 'the password' | Monitoring.Host hash-password");
            return true;
        }

        output.WriteLine(new PasswordHasher<ConfiguredUser>().HashPassword(new ConfiguredUser(), password));
        return true;
    }
}
