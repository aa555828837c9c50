using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>
/// The <c>adapter</c> object templates see during parse and compile: <c>dispatch</c> (dbt's macro search with
/// <c>&lt;adapter&gt;__</c> then <c>default__</c> prefixes), quoting, and warehouse calls that answer "nothing"
/// because compilation does not touch the warehouse (execution supplies a connected adapter).
/// </summary>
internal sealed class AdapterValue(RenderScope scope) : IJinjaObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "dispatch" => new JinjaFunction("dispatch", a => Dispatch(
                a.Get(0, "macro_name") as string ?? throw new CompilerException("adapter.dispatch() needs a macro name"),
                a.Get(1, "macro_namespace") as string)),
            "type" => new JinjaFunction("type", _ => scope.Host.AdapterType),
            "quote" => new JinjaFunction("quote", a => $"\"{a.Get(0, "identifier")}\""),
            "quote_as_configured" => new JinjaFunction("quote_as_configured", a => $"\"{a.Get(0, "identifier")}\""),
            "get_relation" or "load_relation" or "get_columns_in_relation" or "execute" or "get_missing_columns"
                or "check_schema_exists" or "list_relations_without_caching" or "get_column_schema_from_query"
                => new JinjaFunction(name, _ => name is "get_columns_in_relation" or "get_missing_columns" ? new List<object?>() : null),
            "Relation" => new RelationFactory(scope.Host.Quoting),
            "config" => new Dictionary<string, object?>(),
            _ => null,
        };
        return value is not null;
    }

    /// <summary>dbt's <c>adapter.dispatch</c>: the first of <c>&lt;adapter&gt;__name</c>, <c>default__name</c> in each searched package.</summary>
    public object Dispatch(string macroName, string? macroNamespace)
    {
        if (macroName.Contains('.'))
            throw new CompilerException($"In adapter.dispatch, the macro name '{macroName}' contains a dot; pass the package as macro_namespace instead");
        var prefixes = new[] { scope.Host.AdapterType + "__", "default__" };
        foreach (var package in scope.Host.DispatchSearchOrder(macroNamespace))
        {
            foreach (var prefix in prefixes)
            {
                var found = package is null ? scope.FindGlobal(prefix + macroName) : scope.FindInPackage(package, prefix + macroName);
                if (found is not null) return found;
            }
        }
        throw new CompilerException(
            $"In dispatch: No macro named '{macroName}' found within namespace: '{macroNamespace ?? "None"}'; searched for '{scope.Host.AdapterType}__{macroName}' and 'default__{macroName}'");
    }

    /// <summary><c>api.Relation.create(...)</c> / <c>adapter.Relation.create(...)</c>.</summary>
    internal sealed class RelationFactory(Compilation.RelationQuoting quoting) : IJinjaObject
    {
        public bool TryGetAttribute(string name, out object? value)
        {
            value = name == "create"
                ? new JinjaFunction("create", a => quoting.Relation(a.Get(0, "database") as string, a.Get(1, "schema") as string,
                    a.Get(2, "identifier") as string, a.Get(3, "type") as string))
                : null;
            return value is not null;
        }
    }
}
