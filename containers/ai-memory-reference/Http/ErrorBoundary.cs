using AiMemory.Reference.Storage;

namespace AiMemory.Reference.Http;

/// <summary>Turns thrown rejections into their responses, and anything unexpected into 500 JSON: bad input never crashes the node.</summary>
public static class ErrorBoundary
{
    public static async Task RunAsync(HttpContext ctx, Func<Task> next, ILogger log)
    {
        try
        {
            await next();
        }
        catch (Rejection r) when (!ctx.Response.HasStarted)
        {
            await (r.Json ? Reply.Error(ctx, r.Status, r.Message) : Reply.Text(ctx, r.Status, r.Message));
        }
        catch (AmbiguousIdException e) when (!ctx.Response.HasStarted)
        {
            await Reply.Error(ctx, 400, e.Message);
        }
        catch (BadHttpRequestException e) when (!ctx.Response.HasStarted)
        {
            await Reply.Text(ctx, e.StatusCode, e.Message);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is listening for an answer.
        }
        catch (Exception e) when (!ctx.Response.HasStarted)
        {
            log.LogWarning(e, "internal error on {Method} {Path}", ctx.Request.Method, ctx.Request.Path);
            await Reply.Error(ctx, 500, "internal server error");
        }
    }
}
