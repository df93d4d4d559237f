namespace AiMemory.Reference.Http;

/// <summary>
/// Warnings and errors to stderr in the console logger's layout. Not Microsoft.Extensions.Logging.Console: its
/// options monitors are open generics that Native AOT builds at run time, a tenth of a start's CPU.
/// </summary>
public sealed class StderrLog : ILoggerFactory, ILogger
{
    private static readonly Lock Gate = new();
    private readonly string _category;

    public StderrLog(string category = "ai-memory") => _category = category;

    public ILogger CreateLogger(string categoryName) => new StderrLog(categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var level = logLevel switch { LogLevel.Warning => "warn", LogLevel.Error => "fail", _ => "crit" };
        var text = $"{level}: {_category}[{eventId.Id}]\n      {formatter(state, exception)}" + (exception is null ? "" : $"\n{exception}");
        lock (Gate) Console.Error.WriteLine(text);
    }

    public void Dispose()
    {
    }
}
