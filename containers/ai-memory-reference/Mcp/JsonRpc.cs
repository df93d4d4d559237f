using System.Text.Json.Nodes;

namespace AiMemory.Reference.Mcp;

/// <summary>JSON-RPC 2.0 response shapes and the error codes MCP uses.</summary>
public static class JsonRpc
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    public static JsonObject Result(JsonNode? id, JsonNode result) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["result"] = result };

    public static JsonObject Error(JsonNode? id, int code, string message) => new()
    {
        ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}

/// <summary>A request that maps to a JSON-RPC error response rather than a result.</summary>
public sealed class RpcException(int code, string message) : Exception(message)
{
    public int Code => code;
}
