namespace AiMemory.Reference.Http;

/// <summary>
/// The routes v0.6.0 registers, matched as ASP.NET routing matches them (literal segments case-insensitive, a
/// trailing slash ignored, a literal beating a parameter at the same position, a GET route also answering HEAD):
/// a path no route has is an empty 404; a path whose routes all take other methods, an empty 405 with Allow.
/// </summary>
public sealed class RouteTable
{
    private readonly List<Route> _routes = [];

    public void Add(string method, string pattern, RequestDelegate handler)
    {
        string[] methods = method == "GET" ? ["GET", "HEAD"] : [method];
        _routes.Add(new Route(methods, Segments(pattern).ToArray(), handler));
    }

    /// <summary>Runs the matching route, or writes the 404/405 routing would.</summary>
    public Task DispatchAsync(HttpContext ctx)
    {
        var path = Segments(ctx.Request.Path.Value ?? "/").ToArray();
        Route? best = null;
        List<string>? allowed = null;
        foreach (var route in _routes)
        {
            if (!route.Matches(path)) continue;
            if (!route.Methods.Contains(ctx.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                (allowed ??= []).AddRange(route.Methods);
                continue;
            }

            if (best is null || route.Precedes(best)) best = route;
        }

        if (best is not null)
        {
            best.Bind(path, ctx.Request.RouteValues);
            return best.Handler(ctx);
        }

        ctx.Response.StatusCode = allowed is null ? 404 : 405;
        if (allowed is not null) ctx.Response.Headers.Allow = string.Join(", ", allowed.Distinct());
        return Task.CompletedTask;
    }

    private static IEnumerable<string> Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private sealed record Route(string[] Methods, string[] Template, RequestDelegate Handler)
    {
        private static bool IsParameter(string segment) => segment.StartsWith('{');

        public bool Matches(string[] path) =>
            path.Length == Template.Length
            && Template.Zip(path).All(p => IsParameter(p.First) || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));

        /// <summary>Routing's precedence: at the first position where the templates differ in kind, the literal wins.</summary>
        public bool Precedes(Route other)
        {
            foreach (var (mine, theirs) in Template.Zip(other.Template))
            {
                if (IsParameter(mine) != IsParameter(theirs)) return !IsParameter(mine);
            }

            return false;
        }

        public void Bind(string[] path, RouteValueDictionary values)
        {
            for (var i = 0; i < Template.Length; i++)
            {
                if (IsParameter(Template[i])) values[Template[i].Trim('{', '}')] = path[i];
            }
        }
    }
}
