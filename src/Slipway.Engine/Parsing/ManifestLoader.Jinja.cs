using Slipway.Engine.Contexts;
using Slipway.Engine.Manifest;
using Slipway.Jinja;

namespace Slipway.Engine.Parsing;

internal sealed partial class ManifestLoader
{
    private JinjaHost? _jinja;

    /// <summary>The Jinja environments and macro namespace, created on first need (static-only projects never pay for it).</summary>
    internal JinjaHost Jinja => _jinja ??= new JinjaHost(this);

    internal string InvocationId => _request.InvocationId;
    internal DateTimeOffset RunStartedAt => _request.RunStartedAt;
    internal Project.EnvironmentVariables Environment => _request.Environment;
    internal Project.Invocation? Invocation => _request.Invocation;

    /// <summary>Renders models that use more Jinja than ref/source/config with literal arguments, in parallel.</summary>
    private void RenderWithJinja(List<NodeDraft> drafts)
    {
        var host = Jinja;
        var errors = new System.Collections.Concurrent.ConcurrentBag<(int Index, Exception Error)>();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, drafts.Count, Math.Max(1, drafts.Count / (4 * System.Environment.ProcessorCount) + 1)),
            range =>
            {
                var scope = host.Rent(runtime: false);
                try
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        try { RenderForParse(scope, drafts[i]); }
                        catch (Exception e) when (e is ParseException or ManifestException) { errors.Add((i, e)); }
                        catch (Exception e) when (e is not OutOfMemoryException)
                        {
                            // Anything else a template provokes still names the file, never "one or more errors occurred".
                            errors.Add((i, new ParseException(drafts[i].Node.OriginalFilePath, drafts[i].Line, 1, e.Message)));
                        }
                    }
                }
                finally { host.Release(scope); }
            });
        // Each model's parse-time template is used once: keeping 10k of them cached until the process ends only
        // costs memory (macro files are compiled again on demand).
        host.ParseEnvironment.ClearCache();
        if (!errors.IsEmpty) throw errors.OrderBy(e => e.Index).First().Error;
    }

    private void RenderForParse(RenderScope scope, NodeDraft draft)
    {
        var node = draft.Node;
        new ParseProvider(this, draft).Bind(scope);
        try
        {
            var template = Jinja.Compile(node.RawCode, node.OriginalFilePath, runtime: false);
            template.Render(scope.Context);
            draft.Rendered = true;
        }
        catch (TemplateError e) when (e.TemplateName is not null && e.TemplateName != node.OriginalFilePath)
        {
            // Raised inside a macro the node called: point at the macro's file, and name the node.
            throw new ParseException(e.TemplateName, e.Line, e.Column, $"{e.Description} (while parsing {node.UniqueId})");
        }
        catch (TemplateError e)
        {
            throw new ParseException(node.OriginalFilePath, e.Line + draft.Line - 1, e.Column, e.Description);
        }
        catch (Exception e) when (e is CompilerException or JinjaRuntimeException)
        {
            throw new ParseException(node.OriginalFilePath, draft.Line, 1, e.Message);
        }
    }

    /// <summary>Renders a project's generate_*_name override for one node and returns its text (stripped by the caller).</summary>
    private string? RenderNameMacro(string macroId, string? custom, ManifestNode node)
    {
        var macro = _manifest.Macros[macroId];
        var scope = Jinja.Rent(runtime: false);
        try
        {
            scope.Context["this"] = null;
            scope.Context["model"] = NodeDicts.Of(node);
            var callable = scope.FindInPackage(macro.PackageName, macro.Name) as IJinjaCallable
                ?? throw new ManifestException($"{macroId} could not be loaded");
            object? result;
            try
            {
                result = callable.Call(new Arguments([custom, NodeDicts.Of(node)]));
            }
            catch (JinjaReturnException r) { result = r.Value; }
            catch (TemplateError e) { throw new ParseException(macro.OriginalFilePath, e.Line, e.Column, e.Description); }
            catch (Exception e) when (e is CompilerException or JinjaRuntimeException)
            {
                throw new ManifestException($"{macro.Name} failed for {node.UniqueId} ({macro.OriginalFilePath}): {e.Message}");
            }
            return result?.ToString();
        }
        finally { Jinja.Release(scope); }
    }

    /// <summary><c>compile --inline</c>: an anonymous SQL operation of the root project, parsed and resolved like a model.</summary>
    internal ManifestNode CreateInlineNode(string sql)
    {
        var node = new SqlOperationNode
        {
            UniqueId = $"sql_operation.{Root.Name}.inline_query", Name = "inline_query", PackageName = Root.Name,
            Path = "sql/inline_query", OriginalFilePath = "from remote system.sql", Fqn = [Root.Name, "sql", "inline_query"],
            Schema = Target.Schema, Database = Target.Database, Alias = "inline_query", RawCode = sql,
            Checksum = FileChecksum.Sha256(sql), CreatedAt = _createdAt,
        };
        var draft = new NodeDraft(node, null) { Static = StaticTemplate.TryParse(sql) };
        _drafts[node] = draft;
        if (draft.Static is { } st) foreach (var call in st.Calls) RecordNodeCall(node, call);
        else
        {
            var scope = Jinja.Rent(runtime: false);
            try { RenderForParse(scope, draft); }
            finally { Jinja.Release(scope); }
        }
        node.Config = new NodeConfig(ConfigDefaults.For(ResourceType.SqlOperation));
        foreach (var r in node.Refs) node.DependsOn.AddNode(ResolveRefOrThrow(r, node));
        foreach (var s in node.Sources) node.DependsOn.AddNode(ResolveSourceOrThrow(s[0], s[1], node));
        return node;
    }
}
