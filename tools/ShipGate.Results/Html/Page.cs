using System.Text;

namespace ShipGate.Results.Html;

/// <summary>The frame the history pages share with the campaign page: doctype, title, the same inline CSS, no fetches.</summary>
public static class Page
{
    public static StringBuilder Open(string title, string? generator = null, string? bodyClass = null)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        if (generator is not null) html.Append("<meta name=\"generator\" content=\"").Append(HtmlReport.E(generator)).Append("\">");
        return html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(HtmlReport.E(title)).Append("</title>")
            .Append("<style>").Append(HtmlReport.Css).Append(Css).Append("</style></head><body")
            .Append(bodyClass is null ? "" : $" class=\"{bodyClass}\"").Append(">\n");
    }

    /// <summary>A relative link to a campaign's page from a page in <paramref name="fromDir"/>, each path segment escaped.</summary>
    public static string LinkTo(string fromDir, string campaignFolder)
    {
        var rel = Path.GetRelativePath(Path.GetFullPath(fromDir), Path.GetFullPath(campaignFolder));
        return string.Join("/", rel.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)) + "/index.html";
    }

    public static string Badge(bool pass) => pass ? "<span class=\"badge pass\">PASS</span>" : "<span class=\"badge fail\">FAIL</span>";

    /// <summary>What the index, compare page and matrix add to the campaign page's CSS.</summary>
    public const string Css =
        "body.wide{max-width:none}table.grid{border-collapse:collapse;margin:8px 0;font-size:13px}" +
        "table.grid th,table.grid td{border:1px solid #e5e7eb;padding:3px 8px;text-align:left;vertical-align:top}" +
        "table.grid th{background:#f3f4f6;position:sticky;top:0}table.grid td.num{font-family:ui-monospace,monospace;white-space:nowrap}" +
        "table.grid tr.fail td:first-child{border-left:3px solid #b91c1c}table.grid tr.pass td:first-child{border-left:3px solid #15803d}" +
        "table.grid td{overflow-wrap:anywhere}table.grid td:first-child{overflow-wrap:normal}" +
        "table.runs td{white-space:nowrap;overflow-wrap:normal}div.scroll{overflow-x:auto}table.runs td.facts{white-space:normal;overflow-wrap:anywhere}" +
        "td.facts{min-width:200px;max-width:320px;font-size:12px;color:#991b1b;word-break:break-word}.sub{color:#6b7280;font-size:11px}" +
        "table.matrix caption{text-align:left;font-weight:600;padding:8px 0 2px}" +
        "table.matrix td.cell{text-align:center;font-weight:700;width:92px}td.cell.pass{color:#15803d}td.cell.fail{color:#b91c1c;background:#fef2f2}" +
        "td.cell.notrun{color:#6b7280}td.cell.missing{color:#b45309;background:#fffbeb}.keyfig{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}" +
        ".keyfig div{border:1px solid #e5e7eb;border-radius:6px;padding:6px 10px;min-width:150px}" +
        ".keyfig b{display:block;font-size:12px;color:#5b6475;font-weight:600}" +
        ".keyfig span{font-family:ui-monospace,monospace}nav{margin:4px 0 8px}nav a{color:#1d4ed8}.worse{color:#b91c1c;font-weight:600}.better{color:#15803d}" +
        "section.phase>details>summary{list-style:none;color:inherit}section.phase>details>summary h2{display:inline}" +
        "section.phase>details>summary::before{content:'\\25B8  ';color:#6b7280}" +
        "section.phase>details[open]>summary::before{content:'\\25BE  '}figure.trend{display:inline-block;margin:8px 16px 8px 0}";
}
