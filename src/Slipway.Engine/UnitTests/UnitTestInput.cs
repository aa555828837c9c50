using Slipway.Adapters.Relations;
using Slipway.Engine.Compilation;
using Slipway.Engine.Contexts;
using Slipway.Engine.Manifest;
using Slipway.Engine.Parsing;

namespace Slipway.Engine.UnitTests;

/// <summary>
/// A <c>given</c> input resolved to what it stands in for: a model/seed/snapshot (<c>ref</c>), a source table
/// (<c>source</c>) or the tested model itself (<c>this</c>), with the real relation (whose column types the
/// fixture takes when it exists) and the CTE name the model's SQL sees instead of it — dbt's ephemeral-input
/// names: <c>__dbt__cte__&lt;model&gt;__&lt;test&gt;__&lt;input&gt;</c>, and a source's own table name.
/// </summary>
internal sealed record UnitTestInput(Fixture Fixture, string TargetId, string DisplayName, Relation? Relation, ManifestNode? Node, string CteName)
{
    /// <exception cref="CompilerException">The input is not a ref/source/this call, or names nothing in the project.</exception>
    public static UnitTestInput Resolve(UnitTestNode test, Fixture fixture, Compiler compiler)
    {
        var text = fixture.Input!.Trim();
        var prefix = $"{test.Model.Name}__{test.Name}__";
        if (text == "this")
            return new UnitTestInput(fixture, test.Model.UniqueId, "this", compiler.RelationOf(test.Model), test.Model, CteNameFor(prefix + test.Model.Name));
        var call = ManifestLoader.ParseCallString(text);
        try
        {
            switch (call?.Function)
            {
                case "ref" when call.Positional.Count is 1 or 2:
                    var (name, package) = call.Positional.Count == 2
                        ? (call.Positional[1]?.ToString() ?? "", call.Positional[0]?.ToString())
                        : (call.Positional[0]?.ToString() ?? "", null);
                    var version = (call.Keyword.GetValueOrDefault("v") ?? call.Keyword.GetValueOrDefault("version"))?.ToString();
                    var node = compiler.ResolveRef(name, package, version, test.Model);
                    var relation = node.IsEphemeral ? null : compiler.RelationOf(node);
                    return new UnitTestInput(fixture, node.UniqueId, node.Name, relation, node, CteNameFor(prefix + node.Name));
                case "source" when call.Positional.Count == 2:
                    var source = compiler.ResolveSource(call.Positional[0]?.ToString() ?? "", call.Positional[1]?.ToString() ?? "", test.Model);
                    return new UnitTestInput(fixture, source.UniqueId, source.Name,
                        compiler.Quoting.Relation(source.Database, source.Schema, source.Identifier, "table"), null, source.Name);
            }
        }
        catch (CompilerException e)
        {
            throw UnitTestSpec.Error(test, $"has given input {text}, which cannot be resolved: {e.Message}");
        }
        throw UnitTestSpec.Error(test, $"has given input '{text}'; unit test inputs must be a ref(...), source(...) or this");
    }

    /// <summary>
    /// Keeps <c>__dbt__cte__</c> + name within 63 bytes: PostgreSQL cuts longer identifiers, and two inputs of one test
    /// whose names share the first 63 bytes would become the same CTE. A longer name keeps its start and an md5 tail.
    /// </summary>
    internal static string CteNameFor(string name)
    {
        const int limit = 63;
        if (System.Text.Encoding.UTF8.GetByteCount(CteInjector.Prefix + name) <= limit) return name;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..8];
        var keep = limit - CteInjector.Prefix.Length - hash.Length - 1;
        var start = name[..Math.Min(name.Length, keep)];
        while (System.Text.Encoding.UTF8.GetByteCount(start) > keep) start = start[..^1];
        return start + "_" + hash;
    }

    /// <summary>What the model's SQL prints instead of the input: the CTE, unquoted, like an ephemeral model.</summary>
    public Relation CteRelation() => new RelationQuoting(false, false, false).Relation(null, null, CteInjector.Prefix + CteName, "cte");
}
