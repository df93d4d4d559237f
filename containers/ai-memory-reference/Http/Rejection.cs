namespace AiMemory.Reference.Http;

/// <summary>
/// A request the node refuses. Thrown from parsing helpers and turned into a response by the error middleware, so
/// handlers read straight through. Json = the handler's 400 {"error":…}; otherwise a framework-style plain-text body,
/// the way axum's extractors answer (contract §1.1).
/// </summary>
public sealed class Rejection(int status, string message, bool json) : Exception(message)
{
    public int Status { get; } = status;
    public bool Json { get; } = json;

    public static Rejection Error(int status, string message) => new(status, message, json: true);
    public static Rejection BadRequest(string message) => Error(400, message);

    public static Rejection MalformedJson(string detail) =>
        new(400, $"Failed to parse the request body as JSON: {detail}", json: false);

    public static Rejection WrongShape(string detail) =>
        new(422, $"Failed to deserialize the JSON body into the target type: {detail}", json: false);

    public static Rejection UnsupportedMediaType() =>
        new(415, "Expected request with `Content-Type: application/json`", json: false);

    public static Rejection TooLarge() => new(413, "Failed to buffer the request body: length limit exceeded", json: false);

    public static Rejection BadQuery(string detail) => new(400, $"Failed to deserialize query string: {detail}", json: false);
}
