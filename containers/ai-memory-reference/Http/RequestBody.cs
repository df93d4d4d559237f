using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace AiMemory.Reference.Http;

/// <summary>
/// Reads a JSON body the way axum's Json extractor does: Content-Type first (415), then the 2 MiB limit (413),
/// then syntax (400 text). Shape problems are the caller's (422 via BodyFields).
/// </summary>
public static class RequestBody
{
    public const int LimitBytes = 2 * 1024 * 1024;

    // Past the limit we keep reading (up to this much) only so the client sees a clean 413 instead of a reset.
    private const int DrainBytes = 16 * 1024 * 1024;

    public static async Task<JsonElement> ReadJsonAsync(HttpContext ctx)
    {
        if (!IsJson(ctx.Request.ContentType)) throw Rejection.UnsupportedMediaType();
        var bytes = await ReadLimitedAsync(ctx);
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Rejection.MalformedJson(e.Message);
        }
    }

    private static bool IsJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        var type = media.MediaType.Value ?? "";
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContext ctx)
    {
        if (ctx.Request.ContentLength > DrainBytes) throw Rejection.TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0)
        {
            total += n;
            if (total > DrainBytes) throw Rejection.TooLarge();
            if (total <= LimitBytes) buffer.Write(chunk, 0, n);
        }
        if (total > LimitBytes) throw Rejection.TooLarge();
        return buffer.ToArray();
    }
}
