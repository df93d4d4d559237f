using System.Globalization;
using System.Runtime.InteropServices;

namespace ShipGate.SelfTests.ChildProcesses;

/// <summary>
/// A child's process group as Linux shows it in /proc: who belongs to it, and signals to all of it at once,
/// the way a terminal delivers Ctrl-C. Only groups this self-test started are ever signalled, by their id.
/// (Namespace ChildProcesses, not Process: a namespace named Process would hide System.Diagnostics.Process
/// from every other namespace under ShipGate.SelfTests.)
/// </summary>
public static class ProcessGroup
{
    public const int SigInt = 2;
    public const int SigKill = 9;

    /// <summary>Running members of the group: zombies have finished and can clean up nothing any more.</summary>
    public static IReadOnlyList<ProcStat> LivingMembers(int pgid) =>
        All().Where(p => p.Pgid == pgid && p.State != 'Z' && p.State != 'X').ToList();

    public static IReadOnlyList<ProcStat> ChildrenOf(int pid) => All().Where(p => p.Ppid == pid).ToList();

    /// <summary>True when the process is a member of the group or descends from its leader.</summary>
    public static bool Contains(int pgid, int pid)
    {
        for (var current = Read(pid); current is not null; current = current.Ppid > 1 ? Read(current.Ppid) : null)
        {
            if (current.Pgid == pgid || current.Pid == pgid) return true;
        }

        return false;
    }

    /// <summary>Sends a signal to every process of the group (kill(-pgid, sig)); false when none is left.</summary>
    public static bool Signal(int pgid, int signal) => pgid > 1 && Kill(-pgid, signal) == 0;

    /// <summary>The running member of the group whose command line contains <paramref name="text"/> (e.g. the test host), if any.</summary>
    public static ProcStat? MemberRunning(int pgid, string text) =>
        LivingMembers(pgid)
            .FirstOrDefault(p => File.Exists($"/proc/{p.Pid}/cmdline") && File.ReadAllText($"/proc/{p.Pid}/cmdline").Contains(text, StringComparison.Ordinal));

    /// <summary>Sends a signal to one member of a group this self-test started (a crash of that process alone).</summary>
    public static bool SignalMember(int pgid, int pid, int signal) => Contains(pgid, pid) && Kill(pid, signal) == 0;

    /// <summary>Whether a process ignores SIGINT (inherited from a shell that ran us in the background).</summary>
    public static bool IgnoresSigInt(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line is not null && (ulong.Parse(line[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (SigInt - 1))) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static ProcStat? Read(int pid)
    {
        try
        {
            return Parse(pid, File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null; // gone between listing and reading
        }
    }

    private static IEnumerable<ProcStat> All()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (Read(pid) is { } stat) yield return stat;
        }
    }

    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so parse from the last ')'.
    private static ProcStat Parse(int pid, string stat)
    {
        var close = stat.LastIndexOf(')');
        var comm = stat[(stat.IndexOf('(') + 1)..close];
        var rest = stat[(close + 2)..].Split(' ');
        return new ProcStat(pid, comm, rest[0][0], int.Parse(rest[1], CultureInfo.InvariantCulture), int.Parse(rest[2], CultureInfo.InvariantCulture));
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

public sealed record ProcStat(int Pid, string Command, char State, int Ppid, int Pgid);
