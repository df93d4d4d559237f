using System.Globalization;
using ShipGate.Results.Campaign;

namespace ShipGate.Results.Judge;

/// <summary>
/// <c>shipgate-results judge KIND:EXIT:TRX…</c>: judges each run (<see cref="RunJudge"/>), prints every problem on
/// the error stream and the closing line CI reads on the output (<c>shipgate: N passed, N failed, N skipped</c>), and
/// exits 0 only when every run passed.
/// </summary>
public static class JudgeCommand
{
    /// <param name="root">Where a recorded relative results folder lives; the repository's root when null.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors, string? root = null)
    {
        root ??= PublishTarget.RepoRoot();
        var jobs = new List<RunToJudge>();
        foreach (var arg in args)
        {
            var parts = arg.Split(':', 3);
            if (parts.Length != 3 || !Enum.TryParse<RunKind>(parts[0], ignoreCase: true, out var kind)
                || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var exit))
            {
                errors.WriteLine($"shipgate: judge: '{arg}' is not KIND:EXIT:TRX (KIND tests, release or facts)");
                output.WriteLine("shipgate: 0 passed, 1 failed, 0 skipped");
                return ExitCodes.BadInput;
            }

            jobs.Add(new RunToJudge(kind, exit, parts[2]));
        }

        var verdicts = jobs.Select(j => RunJudge.Judge(j, root)).ToList();
        foreach (var problem in verdicts.SelectMany(v => v.Problems)) errors.WriteLine($"shipgate: {problem}");
        var failed = verdicts.Sum(v => v.Failed) + (verdicts.Count == 0 ? 1 : 0);
        // Just above the closing line, which stays last for CI: a green reference-node campaign decides no release.
        if (verdicts.Any(v => v.Run.Kind == RunKind.Release && v.Sut == Campaign.SutKind.Reference)) output.WriteLine($"shipgate: {Campaign.SutKind.Note}");
        output.WriteLine($"shipgate: {verdicts.Sum(v => v.Passed)} passed, {failed} failed, {verdicts.Sum(v => v.Skipped)} skipped");
        return verdicts.Count > 0 && verdicts.All(v => v.Pass) ? ExitCodes.Pass : ExitCodes.CampaignFailed;
    }
}
