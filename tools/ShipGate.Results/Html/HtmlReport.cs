using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ShipGate.Contract;
using ShipGate.Results.Campaign;
using ShipGate.Results.History;
using ShipGate.Results.Model;
using ShipGate.Results.Phases;

namespace ShipGate.Results.Html;

/// <summary>index.html: static, self-contained (inline CSS and SVG, no script, no fetches); every text escaped.</summary>
public static class HtmlReport
{
    public static string Render(CampaignResult result)
    {
        var s = result.Summary;
        var pass = result.OverallPass;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>ShipGate ").Append(E(result.Options.CampaignId)).Append(pass ? " — PASS" : " — FAIL").Append("</title>")
            .Append("<style>").Append(Css).Append(Page.Css).Append("</style></head><body>\n")
            .Append("<nav><a class=\"back\" href=\"../index.html\">&#x2190; all campaigns</a></nav>\n");
        html.Append("<header><h1>Campaign ").Append(E(result.Options.CampaignId)).Append(' ').Append(Badge(pass ? "PASS" : "FAIL")).Append("</h1>")
            .Append("<dl>")
            .Append(Row("strength", J.Str(s, "strength") == ShipGate.Contract.ReleaseFloor.Release
                ? "release (the release floor met)" : "rehearsal (below the release floor: never a release pass)"))
            .Append(Row("ai-memory ref", J.Str(s, "ai_memory_git_ref")))
            .Append(Row("completed", J.Str(s, "completed_at")))
            .Append(Row("system under test",
                string.Join(" · ", new[] { J.Str(s, "sut_version"), J.Str(s, "sut_image"), J.Str(s, "sut_image_digest") }.Where(x => x is not null))))
            .Append(Row("expected phases", string.Join(", ", J.Array(s, "expected_phases").Select(p => p?.ToJsonString()))))
            .Append(Row("gate commit", J.Str(s, "gate_commit")))
            .Append("</dl></header>\n");

        var reasons = result.Reasons;
        if (J.Str(s, "sut_kind") == SutKind.Reference)
            html.Append("<p class=\"verdict reference\">").Append(E($"{SutKind.Note}: this campaign gated the bundled reference node "
                + $"(no {SettingNames.NodeImage}, the default executable); gate the candidate's own image to decide a release.")).Append("</p>\n");
        html.Append(pass
            ? "<p class=\"verdict ok\">Every expected phase is present, its evidence parsed, and every criterion passed.</p>\n"
            : "<section class=\"verdict bad\"><h2>Why it failed</h2><ul>" + string.Concat(reasons.Select(r => $"<li>{E(r)}</li>")) + "</ul></section>\n");

        // At a glance (issue 22 item 5): key figures and the criteria matrix; the per-fact list follows, folded per phase.
        var glance = new CampaignRecord(".", result.Options.CampaignId, s);
        html.Append(KeyFigures.Render(glance)).Append(CriteriaMatrix.Render(glance));

        var expected = J.Array(s, "expected_phases").Select(p => (int)(J.Num(p) ?? 0)).ToList();
        foreach (var phase in CampaignOptions.AllPhases.Union(result.Reports.Select(r => r.Phase)).Order())
            html.Append(PhaseSection(phase, result.Reports.Where(r => r.Phase == phase).ToList(), expected.Contains(phase)));

        html.Append("<section><h2>Campaign summary JSON</h2>").Append(Raw("campaign-summary.json", s)).Append("</section>\n")
            .Append("<footer>ShipGate results · generated from ").Append(E(string.Join(", ", result.Sources.Select(Path.GetFileName)))).Append("</footer>\n")
            .Append("</body></html>\n");
        return html.ToString();
    }

    private static string PhaseSection(int phase, List<PhaseReport> reports, bool expected)
    {
        var adapter = CampaignBuilder.Adapters.TryGetValue(phase, out var a) ? a : new GenericPhaseAdapter(phase);
        var badge = reports.Count == 0 ? (expected ? "MISSING" : "NOT RUN") : reports.All(r => r.Pass) ? "PASS" : "FAIL";
        var html = new StringBuilder();
        html.Append("<section class=\"phase\"><details").Append(badge == "PASS" ? "" : " open").Append("><summary><h2>Phase ").Append(phase).Append(" — ")
            .Append(E(adapter.Name)).Append(' ').Append(Badge(badge));
        var ms = reports.Select(r => J.Num(r.Json, "duration_ms")).FirstOrDefault();
        if (ms is { } d) html.Append("<small> ").Append(E($"{d / 1000:0.0} s")).Append("</small>");
        html.Append("</h2></summary><p class=\"proves\">").Append(E(adapter.Proves)).Append("</p>");
        if (reports.Count == 0)
            html.Append("<p class=\"empty\">")
                .Append(expected ? "Expected but absent: no result of this phase in the test results." : "Not part of this campaign.").Append("</p>");
        foreach (var report in reports)
        {
            if (reports.Count > 1) html.Append("<h3>").Append(E(report.Title)).Append(' ').Append(Badge(report.Pass ? "PASS" : "FAIL")).Append("</h3>");
            html.Append("<ul class=\"checks\">");
            foreach (var fact in report.Facts) html.Append(Check(fact));
            html.Append("</ul>");
            if (phase == 2) html.Append(Convergence(report.Json)).Append(HostLatenessLine.Of(report.Json));
            if (phase == 4) html.Append(Charts.ChaosCycles(report.Evidence)).Append(NotRun(report.Json));
            html.Append(Raw(report.FileName, report.Json));
        }

        return html.Append("</details></section>\n").ToString();
    }

    private static string Check(Fact f)
    {
        var (mark, cls) = f.Status switch { FactStatus.Passed => ("&#x2713;", "pass"), FactStatus.NotRun => ("&#x2013;", "notrun"), _ => ("&#x2717;", "fail") };
        var line = new StringBuilder($"<li class=\"{cls}\"><span class=\"mark\">{mark}</span> {E(f.Label)}");
        if (f.Evidence is { } e && (e.Measured is not null || e.Threshold is not null))
            line.Append(" <span class=\"value\">— ").Append(E(Text(e.Measured))).Append(" / threshold ").Append(E(Text(e.Threshold))).Append("</span>");
        var message = f.Status == FactStatus.Passed || (f.Evidence is { Verdict: not "pass" } && f.Test.Outcome != "Passed") ? f.Evidence?.Message : f.Reason;
        if (!string.IsNullOrEmpty(message)) line.Append("<div class=\"msg\">").Append(E(message)).Append("</div>");
        return line.Append("</li>").ToString();
    }

    private static string Convergence(JsonObject json)
    {
        var rows = new StringBuilder("<table class=\"conv\"><caption>Time to converge per node</caption>"
            + "<tr><th>node</th><th>converged</th><th>time to converge</th><th>count</th><th>missing</th></tr>");
        foreach (var n in new[] { "a", "b", "c" })
        {
            var ms = J.Num(json, "time_to_converge_ms", n);
            var missing = J.Array(json, "missing_titles", n);
            rows.Append("<tr><td>node-").Append(n).Append("</td><td>").Append(J.Bool(json, "converged", n) == true ? "yes" : "no")
                .Append("</td><td>").Append(ms is { } m ? E($"{m:0} ms") : "—")
                .Append("</td><td>").Append(J.Int(json, "counts", n)).Append(" / ").Append(J.Int(json, "ok"))
                .Append("</td><td>")
                    .Append(missing.Count == 0 ? "none"
                    : E($"{missing.Count}: {string.Join(", ", missing.Take(10).Select(x => Text(x)))}{(missing.Count > 10 ? ", …" : "")}"))
                .Append("</td></tr>");
        }

        return rows.Append("</table>").ToString();
    }

    private static string NotRun(JsonObject json)
    {
        var notRun = J.Array(json, "not_run");
        return notRun.Count == 0 ? ""
            : $"<p class=\"empty\">Opt-in fault classes not enabled (not run, not counted): {E(string.Join(", ", notRun.Select(x => Text(x))))}</p>";
    }

    private static string Raw(string name, JsonNode json) =>
        $"<details><summary>Raw evidence: {E(name)}</summary><pre>{E(json.ToJsonString(J.Write))}</pre></details>";

    private static string Row(string key, string? value) => value is null or "" ? "" : $"<dt>{E(key)}</dt><dd>{E(value)}</dd>";

    private static string Badge(string text) => $"<span class=\"badge {text.ToLowerInvariant().Replace(' ', '-')}\">{E(text)}</span>";

    internal static string Text(JsonNode? node) => node switch
    {
        null => "—",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    internal const string Css =
        "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#1d2330;background:#fff}" +
        "h1{font-size:24px;margin:8px 0}h2{font-size:19px;margin:0 0 6px}h3{font-size:15px;margin:14px 0 4px}" +
        "header dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0 14px}dt{color:#5b6475}" +
        "dd{margin:0;font-family:ui-monospace,monospace}" +
        ".badge{display:inline-block;font-size:12px;font-weight:700;padding:2px 8px;border-radius:10px;vertical-align:middle;color:#fff;background:#6b7280}" +
        ".badge.pass{background:#15803d}.badge.fail{background:#b91c1c}.badge.missing{background:#b45309}.badge.not-run{background:#6b7280}" +
        ".verdict{padding:10px 14px;border-radius:6px;margin:10px 0}.verdict.ok{background:#ecfdf3;border:1px solid #86efac}" +
        ".verdict.bad{background:#fef2f2;border:1px solid #fca5a5}.verdict.reference{background:#fffbeb;border:1px solid #fcd34d}" +
        ".verdict.bad h2{font-size:16px}.verdict ul{margin:4px 0;padding-left:20px}section.phase{border-top:1px solid #e5e7eb;padding:14px 0}" +
        ".proves{color:#4b5563;margin:0 0 8px}.empty{color:#92400e}ul.checks{list-style:none;padding:0;margin:4px 0}" +
        "ul.checks li{padding:3px 0;border-bottom:1px dotted #eef0f3}.mark{display:inline-block;width:18px;font-weight:700}" +
        "li.pass .mark{color:#15803d}li.fail .mark{color:#b91c1c}li.notrun .mark{color:#6b7280}li.notrun{color:#6b7280}" +
        ".value{font-family:ui-monospace,monospace;color:#374151}.msg{margin-left:18px;color:#6b7280;font-size:12.5px;word-break:break-word}" +
        "li.fail .msg{color:#991b1b}table.conv{border-collapse:collapse;margin:8px 0}" +
        "table.conv caption{text-align:left;font-weight:600;padding-bottom:4px}" +
        "table.conv td,table.conv th{border:1px solid #e5e7eb;padding:3px 10px;text-align:left}" +
        "table.conv td:not(:last-child),table.conv th{white-space:nowrap}details{margin:6px 0}summary{cursor:pointer;color:#1d4ed8}" +
        "pre{background:#f6f8fa;padding:10px;overflow:auto;max-height:420px;font-size:12px}figure{margin:8px 0}" +
        "figcaption{font-size:12.5px;color:#4b5563}footer{color:#6b7280;font-size:12px;border-top:1px solid #e5e7eb;padding-top:8px}";
}
