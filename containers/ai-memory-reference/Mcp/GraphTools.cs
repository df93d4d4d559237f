using AiMemory.Reference.Tables;

namespace AiMemory.Reference.Mcp;

/// <summary>Typed links between memories; each tool answers what its /links route answers.</summary>
public static class GraphTools
{
    public static IEnumerable<Tool> All =>
    [
        new("memory_link", "Create a typed link between two memories.",
            Schema.Of(["source_id", "target_id"], ("source_id", "string", "From memory id"), ("target_id", "string", "To memory id"),
                ("relation", "string", "related_to (default) | supersedes | contradicts | derived_from")),
            (a, s) =>
            {
                var source = s.Resolve(a.Required("source_id"));
                var target = s.Resolve(a.Required("target_id"));
                try
                {
                    LinkTable.Create(s.Store, source.Id, target.Id, a.Str("relation") ?? "related_to");
                    return McpSession.Pretty(LinkTable.LinkedJson());
                }
                catch (ArgumentException e) { throw new ToolException(e.Message); }
            }),
        new("memory_get_links", "All links of a memory, in both directions.",
            Schema.Of(["id"], ("id", "string", "Memory id or unique prefix")),
            (a, s) =>
            {
                var m = s.Resolve(a.Required("id"));
                return McpSession.Pretty(LinkTable.ForJson(s.Store, m.Id));
            }),
    ];
}
