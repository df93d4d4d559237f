using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AiMemory.Reference.Tests.Support;

/// <summary>The node's HTTP API as the tests use it: raw status and body, so every status code can be asserted.</summary>
public static class NodeApi
{
    public sealed record Answer(HttpStatusCode Status, string Body, HttpResponseMessage Response)
    {
        public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("null body");
        public int Code => (int)Status;
        public string? ContentType => Response.Content.Headers.ContentType?.MediaType;
    }

    public static Task<Answer> PostJsonAsync(this HttpClient client, string path, string json,
        string? contentType = "application/json", IDictionary<string, string>? headers = null) =>
        CallAsync(client, HttpMethod.Post, path, json, contentType, headers);

    public static Task<Answer> PutJsonAsync(this HttpClient client, string path, string json) =>
        CallAsync(client, HttpMethod.Put, path, json, "application/json", null);

    public static Task<Answer> FetchAsync(this HttpClient client, string path, IDictionary<string, string>? headers = null) =>
        CallAsync(client, HttpMethod.Get, path, null, null, headers);

    public static Task<Answer> RemoveAsync(this HttpClient client, string path) =>
        CallAsync(client, HttpMethod.Delete, path, null, null, null);

    public static async Task<Answer> CallAsync(this HttpClient client, HttpMethod method, string path, string? body,
        string? contentType, IDictionary<string, string>? headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(k, v);
        var response = await client.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>A create body with the fields the gate sends; extra raw JSON members may be appended.</summary>
    public static string Memory(string title, string ns, string content = "reference node test payload", string extra = "") =>
        new JsonObject
        {
            ["title"] = title, ["content"] = content, ["namespace"] = ns, ["tier"] = "mid", ["source"] = "api",
        }.ToJsonString().TrimEnd('}') + (extra.Length > 0 ? "," + extra : "") + "}";

    public static Task<Answer> CreateAsync(this HttpClient client, string title, string ns, string extra = "") =>
        client.PostJsonAsync("/api/v1/memories", Memory(title, ns, extra: extra));

    /// <summary>Rows in a namespace, counted through a page large enough for any test (limit 200).</summary>
    public static async Task<int> CountAsync(this HttpClient client, string ns)
    {
        var a = await client.FetchAsync($"/api/v1/memories?namespace={Uri.EscapeDataString(ns)}&limit=200");
        return a.Status == HttpStatusCode.OK ? (int)a.Json["count"]! : -1;
    }

    public static async Task<bool> HoldsTitleAsync(this HttpClient client, string ns, string title)
    {
        try
        {
            var a = await client.FetchAsync($"/api/v1/memories?namespace={Uri.EscapeDataString(ns)}&limit=200");
            return a.Status == HttpStatusCode.OK && a.Json["memories"]!.AsArray().Any(m => (string?)m!["title"] == title);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
