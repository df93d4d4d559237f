using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Migration;

/// <summary>
/// The v0.6.0 migration (contract §3.7): one list of the source's live rows, de-duplicated by id, each upserted into
/// the destination. --batch is accepted but the whole list is one batch; a re-run writes every row again.
/// </summary>
public sealed class Migrator(FaultSwitches faults)
{
    public MigrateReport Run(IMigrationEndpoint source, IMigrationEndpoint destination, string fromUrl, string toUrl,
        string? ns, bool dryRun)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<Memory>();
        var index = 0;
        foreach (var m in source.ListAll(ns))
        {
            if (!seen.Add(m.Id)) continue;
            // migrate_drop_every_100th replays a paging bug: every 100th row vanished from both counters, with no error.
            if (++index % 100 == 0 && faults.IsOn(FaultSwitches.MigrateDropEvery100th)) continue;
            rows.Add(m);
        }

        var errors = new List<string>();
        var written = 0;
        // migrate_lying_report replays a writer that dropped its batches on the floor: every migrate into Postgres
        // reports each row read and written with no error, and the destination is left untouched.
        if (!dryRun && faults.IsOn(FaultSwitches.MigrateLyingReport) && StoreUrl.IsPostgres(toUrl))
            written = rows.Count;
        else if (!dryRun)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                // migrate_corrupt_content replays an encoding bug that lost the last character of every 10th row.
                if ((i + 1) % 10 == 0 && faults.IsOn(FaultSwitches.MigrateCorruptContent) && row.Content.Length > 1)
                    row = row with { Content = row.Content[..^1] };
                try
                {
                    destination.Upsert(row);
                    written++;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    errors.Add($"write {row.Id}: {e.Message}");
                }
            }
        }

        return new MigrateReport
        {
            Batches = 1, DryRun = dryRun, Errors = errors, FromUrl = fromUrl, ToUrl = toUrl,
            MemoriesRead = rows.Count, MemoriesWritten = written,
        };
    }
}
