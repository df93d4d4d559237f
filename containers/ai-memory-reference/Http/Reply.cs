using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Model;

namespace AiMemory.Reference.Http;

/// <summary>Writes response bodies: compact snake_case JSON for handler answers, plain text for framework rejections.</summary>
public static class Reply
{
    public static Task Json(HttpContext ctx, int status, JsonNode body) => Write(ctx, status, "application/json", body.ToJsonString(Model.Json.Wire));

    public static Task Error(HttpContext ctx, int status, string message) => Json(ctx, status, new JsonObject { ["error"] = message });

    public static Task Text(HttpContext ctx, int status, string text, string contentType = "text/plain; charset=utf-8") =>
        Write(ctx, status, contentType, text);

    public static JsonObject Memory(Memory m) => Cli.MemoryJson.Node(m);

    public static JsonArray Memories(IEnumerable<Memory> rows) => new(rows.Select(m => (JsonNode)Memory(m)).ToArray());

    /// <summary>A recall hit: the memory's own fields followed by "score".</summary>
    public static JsonObject Scored(ScoredMemory s)
    {
        var node = Memory(s.Memory);
        node["score"] = s.Score;
        return node;
    }

    private static async Task Write(HttpContext ctx, int status, string contentType, string body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes);
    }
}
