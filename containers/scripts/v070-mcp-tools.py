#!/usr/bin/env python3
"""Writes the reference node's v0.7.0 MCP catalogue (containers/ai-memory-reference/Mcp/v070-tools.json) from ai-memory's
source at a tag: the 71 tools of src/mcp/registry.rs `tool_definitions()` in registration order, with the long-form
`docs` and the per-property descriptions stripped as every tools/list does (registry.rs:386-420), and the families of
src/profile.rs `Family::tool_names`. The optional-parameter trim and the profile filter are applied at run time.
Usage: v070-mcp-tools.py GIT_DIR [TAG]   (e.g. the bare mirror of github.com/alphaonedev/ai-memory-mcp, v0.7.0)"""
import json, re, subprocess, sys

git_dir, tag = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "v0.7.0")
show = lambda path: subprocess.run(["git", "-C", git_dir, "show", f"{tag}:{path}"], check=True, capture_output=True, text=True).stdout


def balanced(text, start):
    """The text from text[start] (an opening bracket) to its matching close, skipping string literals."""
    depth, i, in_str, esc = 0, start, False, False
    while True:
        c = text[i]
        if in_str:
            esc, in_str = (False, in_str) if esc else (c == "\\", c != '"')
        elif c == '"':
            in_str = True
        elif c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
        i += 1


def without_comments(text):
    out, i, in_str, esc = [], 0, False, False
    while i < len(text):
        c = text[i]
        if in_str:
            out.append(c)
            esc, in_str = (False, in_str) if esc else (c == "\\", c != '"')
        elif c == '"':
            in_str = True
            out.append(c)
        elif text.startswith("//", i):
            i = text.find("\n", i) if text.find("\n", i) >= 0 else len(text)
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


registry = show("src/mcp/registry.rs")
version = re.search(r'const TOOLS_VERSION: &str = "([^"]+)"', registry).group(1)
body = registry[registry.index("pub fn tool_definitions() -> Value {"):]
literal = without_comments(balanced(body, body.index("json!(") + 5)[1:-1]).replace("TOOLS_VERSION", json.dumps(version))
tools = json.loads(re.sub(r",(\s*[}\]])", r"\1", literal))["tools"]
for tool in tools:
    tool.pop("docs", None)
    for prop in tool["inputSchema"].get("properties", {}).values():
        prop.pop("description", None)
        for nested in prop.get("properties", {}).values():
            nested.pop("description", None)

profile = show("src/profile.rs")
names_fn = profile[profile.index("pub const fn tool_names(self)"):]
families = {}
for family, names in re.findall(r"Self::(\w+) => &\[(.*?)\]", without_comments(balanced(names_fn, names_fn.index("{")))[:], re.S):
    families[family.lower()] = re.findall(r'"(\w+)"', names)
assert sum(len(v) for v in families.values()) == len(tools) == 71, (len(tools), {k: len(v) for k, v in families.items()})
json.dump({"source": f"ai-memory {tag}: src/mcp/registry.rs tool_definitions(), src/profile.rs Family::tool_names",
           "families": families, "tools": tools}, sys.stdout, ensure_ascii=False, indent=1)
print()
