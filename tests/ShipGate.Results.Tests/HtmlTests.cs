using ShipGate.Results.Tests.Support;

namespace ShipGate.Results.Tests;

public sealed class HtmlTests : IDisposable
{
    private readonly Scratch s = new();

    public void Dispose() => s.Dispose();

    [Fact]
    public void The_page_is_self_contained_and_shows_every_check_with_measured_and_threshold()
    {
        s.Convert([new TrxWriter().Phase1().Phase2(c: 146).Phase3().Phase4().Save(s.Dir)]);
        var html = s.Html;

        html.Should().Contain("Campaign c1").And.Contain("release/v0.6.0").And.Contain("badge fail");
        html.Should().Contain("node-c &#183; holds ≥ 95% of acknowledged writes <span class=\"value\">— 146/200 / threshold ≥ 95% of acknowledged");
        html.Should().Contain("&#x2717;").And.Contain("&#x2713;").And.Contain("&#x2013;");
        html.Should().Contain("<svg").And.Contain("Time to converge per node").And.Contain("<details>");
        html.Should().NotContain("<script").And.NotContain("http://").And.NotContain("https://").And.NotContain("<link");
    }

    [Fact]
    public void Everything_from_the_evidence_is_escaped()
    {
        var e = GateSample.Phase2Evidence();
        var trx = new TrxWriter().Phase1().Phase3().Phase4()
            .Fact("Phase 2 · <b>bold</b> & co", "p2.x", 2, "node-a", e, "fail", "<script>alert(1)</script>", "\"quoted\"",
                "title <img src=x onerror=alert(1)>");

        s.Convert([trx.Save(s.Dir)]);
        var html = s.Html;

        html.Should().NotContain("<script>alert(1)").And.NotContain("<img src=x").And.NotContain("<b>bold</b>");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("&lt;b&gt;bold&lt;/b&gt; &amp; co");
    }
}
