using System.Text.Json.Nodes;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Cli;

/// <summary>`ai-memory recall QUERY` (contract §3.3): keyword OR recall with its side effects; mode is always "keyword".</summary>
public static class RecallCommand
{
    public static int Run(IReadOnlyList<string> args, GlobalOptions global)
    {
        var a = ArgReader.Parse(args,
            ["-n,--namespace", "--limit", "--tags", "--since", "--until", "-T,--tier", "--as-agent", "--budget-tokens", "--context-tokens"],
            [], maxPositionals: 1);
        var query = a.Positional(0) ?? throw new UsageException("the following required arguments were not provided: <QUERY>");
        if (a.String("namespace") is { } ns) CliDefaults.Check(Validation.Namespace(ns));

        using var store = CliDefaults.OpenStore(global);
        var budget = a.Long("budget-tokens");
        var result = store.Recall(new RecallQuery
        {
            Context = query,
            Namespace = a.String("namespace"),
            Limit = Math.Clamp(a.Int("limit") ?? 10, 0, 50),
            Tag = a.String("tags"), Since = a.String("since"), Until = a.String("until"),
            BudgetTokens = budget,
        });

        if (!global.Json)
        {
            foreach (var s in result.Memories)
                Console.Out.WriteLine($"[{s.Memory.Tier}] {s.Memory.Title} (ns={s.Memory.Namespace}, id={s.Memory.Id}, score={s.Score:0.###})");
            Console.Out.WriteLine($"{result.Memories.Count} memories recalled");
            return 0;
        }
        // recall_json_no_score replays a CLI printer that dropped the score from every hit.
        var noScore = FaultSwitches.Current.IsOn(FaultSwitches.RecallJsonNoScore);
        JsonNode Hit(ScoredMemory s)
        {
            var hit = MemoryJson.Scored(s);
            if (noScore) hit.Remove("score");
            return hit;
        }
        var output = new JsonObject
        {
            ["memories"] = new JsonArray(result.Memories.Select(Hit).ToArray()),
            ["count"] = result.Memories.Count,
            ["mode"] = "keyword",
            ["tokens_used"] = result.TokensUsed,
        };
        if (budget is not null) output["budget_tokens"] = budget;
        Console.Out.WriteLine(output.ToJsonString(Json.Wire));
        return 0;
    }
}
