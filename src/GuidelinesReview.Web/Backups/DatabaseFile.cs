using GuidelinesReview.Web.Infrastructure;

namespace GuidelinesReview.Web.Backups;

/// <summary>
/// The app's SQLite file, and the lock that tells a restore whether an app is serving from it:
/// every serving app holds a shared lock on <c>&lt;database&gt;.serving</c> for as long as it runs,
/// a restore takes it exclusively. Shared, so several app processes on one file (as SQLite allows)
/// do not lock each other out; an OS lock, so a killed app leaves nothing to clean up.
/// </summary>
public sealed class DatabaseFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    private string LockPath => Path + ".serving";

    /// <summary>Held from before the migrations run until the app stops.</summary>
    public IDisposable HoldWhileServing()
    {
        try
        {
            return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (IOException e)
        {
            throw new StartupRefusedException($"A restore into {Path} is under way; start the app again when it has finished.", e);
        }
    }

    /// <summary>Null when an app is serving from the file (or another restore runs).</summary>
    public IDisposable? TryHoldForRestore()
    {
        // A restore into a new data folder: nothing can be serving from a folder that does not exist yet.
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        try
        {
            return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
