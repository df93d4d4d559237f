using System.Text.Json;
using System.Text.Json.Nodes;
using AiMemory.Reference.Cli;
using AiMemory.Reference.Faults;
using AiMemory.Reference.Model;
using AiMemory.Reference.Release;

namespace AiMemory.Reference.Mcp;

/// <summary>
/// Newline-delimited JSON-RPC 2.0 over stdio (contract §4): one request per line, one response line per request,
/// nothing for notifications (no id, or id null). Returns at end of input.
/// </summary>
public sealed class McpServer(McpSession session, TextReader input, TextWriter output)
{
    public static readonly JsonObject InitializeResult = new()
    {
        ["protocolVersion"] = "2024-11-05",
        ["capabilities"] = new JsonObject { ["tools"] = new JsonObject(), ["prompts"] = new JsonObject() },
        ["serverInfo"] = new JsonObject { ["name"] = "ai-memory", ["version"] = CommandLine.Version },
    };

    private const string OldProtocolVersion = "2024-10-07";
    private const string StaleServerVersion = "0.5.9";

    public async Task RunAsync()
    {
        while (await input.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (Handle(line) is { } response)
            {
                await output.WriteAsync(response.ToJsonString(Json.Wire) + "\n");
                await output.FlushAsync();
            }
        }
    }

    /// <summary>The response line for one input line, or null when none is owed.</summary>
    public JsonObject? Handle(string line)
    {
        JsonNode? message;
        try { message = JsonNode.Parse(line); }
        catch (JsonException e) { return JsonRpc.Error(null, JsonRpc.ParseError, $"Parse error: {e.Message}"); }

        if (message is not JsonObject request) return JsonRpc.Error(null, JsonRpc.InvalidRequest, "Invalid Request");
        var id = request["id"];
        var isNotification = id is null || id.GetValueKind() == JsonValueKind.Null;
        try
        {
            if (request["jsonrpc"] is not JsonValue v || !v.TryGetValue<string>(out var version) || version != "2.0")
                throw new RpcException(JsonRpc.InvalidRequest, "Invalid Request: jsonrpc must be \"2.0\"");
            if (request["method"] is not JsonValue m || !m.TryGetValue<string>(out var method))
                throw new RpcException(JsonRpc.InvalidRequest, "Invalid Request: method missing");
            // Notifications are acknowledged by silence; none of them changes server state.
            if (isNotification) return null;
            return JsonRpc.Result(id, Dispatch(method, request["params"] as JsonObject));
        }
        catch (RpcException e)
        {
            return isNotification ? null : JsonRpc.Error(id, e.Code, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return isNotification ? null : JsonRpc.Error(id, JsonRpc.InternalError, $"Internal error: {e.Message}");
        }
    }

    private JsonNode Dispatch(string method, JsonObject? parameters)
    {
        switch (method)
        {
            case "initialize":
                if (parameters?["clientInfo"]?["name"] is JsonValue n && n.TryGetValue<string>(out var client)) session.ClientName = client;
                var result = InitializeResult.DeepClone();
                // mcp_initialize_old_protocol replays a handshake that names an older MCP revision than v0.6.0's.
                if (session.Faults.IsOn(FaultSwitches.McpInitializeOldProtocol)) result["protocolVersion"] = OldProtocolVersion;
                // mcp_server_version_stale replays a serverInfo.version left behind by a version bump (--version says the new one).
                if (session.Faults.IsOn(FaultSwitches.McpServerVersionStale)) result["serverInfo"]!["version"] = StaleServerVersion;
                return result;
            case "ping":
            case "notifications/initialized":
                return new JsonObject();
            case "tools/list":
                return session.Profile is { } profile
                    ? ToolCatalog.ListResult(V070Tools.Listed(profile), session.Faults)
                    : ToolCatalog.ListResult(session.Faults);
            case "tools/call":
                // mcp_tool_calls_error replays a dispatcher that fails every call while tools/list still answers.
                if (session.Faults.IsOn(FaultSwitches.McpToolCallsError))
                    throw new RpcException(JsonRpc.InternalError, "Internal error: tool dispatch failed");
                return CallTool(parameters);
            case "prompts/list":
                return Prompts.ListResult();
            case "prompts/get":
                var promptName = Name(parameters);
                return Prompts.Get(promptName) ?? throw new RpcException(JsonRpc.InvalidParams, $"unknown prompt: {promptName}");
            default:
                throw new RpcException(JsonRpc.MethodNotFound, $"Method not found: {method}");
        }
    }

    private JsonObject CallTool(JsonObject? parameters)
    {
        var name = Name(parameters);
        if (session.Profile is { } profile && !profile.Loads(name)) throw new RpcException(JsonRpc.MethodNotFound, McpProfile.NotLoaded(name));
        if (parameters!["arguments"] is { } rawArgs && rawArgs is not JsonObject)
            throw new RpcException(JsonRpc.InvalidParams, "arguments must be an object");
        string text;
        var isError = false;
        try
        {
            // A v0.7.0 tool the reference node does not implement says so, as a tool failure.
            var tool = ToolCatalog.Find(name) ?? throw new ToolException(session.Profile is null
                ? $"unknown tool: {name}" : $"{name}: a v0.7.0 tool the reference node lists but does not implement");
            text = tool.Handler(ToolArgs.From(parameters["arguments"]), session);
        }
        // Any failure inside a tool is the tool's failure: the session stays up and the client sees why.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            text = e.Message;
            isError = true;
        }
        var result = new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }) };
        if (isError) result["isError"] = true;
        return result;
    }

    private static string Name(JsonObject? parameters) =>
        parameters?["name"] is JsonValue v && v.TryGetValue<string>(out var name) && name.Length > 0
            ? name : throw new RpcException(JsonRpc.InvalidParams, "Invalid params: missing name");
}
