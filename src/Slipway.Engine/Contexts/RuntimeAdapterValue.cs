using Slipway.Adapters;
using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>
/// The <c>adapter</c> object at run time: the connected <see cref="IAdapter"/> (get_relation, execute, DDL, quoting,
/// Relation, Column) plus what needs the macro namespace — <c>dispatch</c> with the project's search order.
/// </summary>
internal sealed class RuntimeAdapterValue(RenderScope scope, IAdapter adapter) : IJinjaObject
{
    private readonly AdapterValue _compileTime = new(scope);

    public IAdapter Adapter => adapter;

    public bool TryGetAttribute(string name, out object? value)
    {
        // Rendering ahead may only use what cannot see or change the database.
        if (name is not ("dispatch" or "config" or "type" or "quote" or "quote_as_configured" or "quote_seed_column"))
            Speculation.Check("adapter." + name);
        switch (name)
        {
            case "dispatch":
                value = new JinjaFunction("dispatch", a => _compileTime.Dispatch(
                    a.Get(0, "macro_name") as string ?? throw new CompilerException("adapter.dispatch() needs a macro name"),
                    a.Get(1, "macro_namespace") as string));
                return true;
            case "config":
                value = new Dictionary<string, object?>();
                return true;
            case "load_relation":
                value = new JinjaFunction(name, a => a.Get(0, "relation") is Slipway.Adapters.Relations.Relation r
                    ? adapter.GetRelation(r.Database, r.Schema, r.Identifier ?? "") : null);
                return true;
            default:
                return adapter.TryGetAttribute(name, out value);
        }
    }

    public override string ToString() => adapter.ToString() ?? "adapter";
}
