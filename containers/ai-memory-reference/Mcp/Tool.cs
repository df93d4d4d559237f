using System.Text.Json.Nodes;

namespace AiMemory.Reference.Mcp;

/// <summary>One MCP tool: what tools/list shows, and the handler tools/call runs. The handler returns the result text.</summary>
public sealed record Tool(string Name, string Description, JsonObject InputSchema, Func<ToolArgs, McpSession, string> Handler);

/// <summary>A tool failure: reported as a result with isError:true, never as a JSON-RPC error.</summary>
public sealed class ToolException(string message) : Exception(message);

/// <summary>Builds the JSON Schema objects of tools/list.</summary>
public static class Schema
{
    /// <param name="properties">(name, type, description); type "string[]" is an array of strings</param>
    public static JsonObject Of(string[] required, params (string Name, string Type, string Description)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, type, description) in properties)
        {
            props[name] = type == "string[]"
                ? new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = description }
                : new JsonObject { ["type"] = type, ["description"] = description };
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = props };
        if (required.Length > 0) schema["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray());
        return schema;
    }
}
