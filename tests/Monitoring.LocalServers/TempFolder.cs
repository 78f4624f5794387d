namespace Monitoring.LocalServers;

/// <summary>Deletes a server's temporary folder; a leftover is harmless.</summary>
public static class TempFolder
{
    public static void Delete(string folder)
    {
        try
        {
            if (folder.Length > 0 && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
