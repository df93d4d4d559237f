return await AiMemory.Reference.Cli.CommandLine.RunAsync(args);
