using Slipway.Adapters.Columns;
using Slipway.Engine.Execution;
using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Engine.Contexts;

/// <summary>
/// The run-time context members that are the same for every node of one invocation (<c>flags</c>,
/// <c>invocation_args_dict</c>, <c>selected_resources</c>, <c>target</c>, <c>api</c>, <c>log</c>, <c>exceptions</c>, …),
/// built once instead of twice per node (compile and materialize): on a 1,000-model run rebuilding them, with a
/// copy of the 1,000 selected ids each time, was a measurable part of the engine's own CPU. dbt shares these objects
/// across nodes too, so a template that changes one sees the change in later nodes as it would in dbt.
/// </summary>
internal sealed class RuntimeShared
{
    private readonly IReadOnlyList<KeyValuePair<string, object?>> _members;

    public RuntimeShared(ExecutionServices services)
    {
        services.Adapter.TryGetAttribute("Relation", out var relationFactory);
        var log = services.Log;
        _members =
        [
            new("execute", true),
            new("api", new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["Relation"] = relationFactory, ["Column"] = ColumnFactory.Instance }),
            new("log", new JinjaFunction("log", a =>
            {
                Speculation.Check("log()");
                var msg = Py.ToStr(a.Get(0, "msg"));
                if (Py.IsTruthy(a.Get(1, "info", false))) log.Info(msg, "JinjaLogInfo");
                else log.Debug(msg, "JinjaLogDebug");
                return "";
            })),
            new("print", new JinjaFunction("print", a => { Speculation.Check("print()"); log.Print(Py.ToStr(a.Get(0, "msg"))); return ""; })),
            new("exceptions", new RuntimeExceptions(services)),
            new("modules", RuntimeModules.Instance),
            new("fromyaml", new JinjaFunction("fromyaml", a => RuntimeModules.FromYaml(a.Get(0, "value") as string, a.Get(1, "default")))),
            new("toyaml", new JinjaFunction("toyaml", a => RuntimeModules.ToYaml(a.Get(0, "value")))),
            new("flags", services.Invocation.ToJinjaFlags()),
            new("invocation_args_dict", services.Invocation.ToInvocationArgsDict()),
            new("selected_resources", services.SelectedResources.Cast<object?>().ToList()),
            new("target", new OrderedDictionary<string, object?>(services.Config.JinjaTarget, StringComparer.Ordinal)),
        ];
    }

    /// <summary>Sets every shared member on <paramref name="context"/>.</summary>
    public void Bind(IDictionary<string, object?> context)
    {
        foreach (var (name, value) in _members) context[name] = value;
    }

    /// <summary>The <c>exceptions</c> namespace at run time: errors stop the node; <c>warn</c> logs a warning.</summary>
    private sealed class RuntimeExceptions(ExecutionServices services) : IJinjaObject
    {
        public bool TryGetAttribute(string name, out object? value)
        {
            value = name switch
            {
                "warn" => new JinjaFunction("warn", a => { Speculation.Check("exceptions.warn()"); services.Log.Warn(Py.ToStr(a.Get(0, "msg"))); return ""; }),
                "raise_compiler_error" => new JinjaFunction(name, a => throw new CompilerException(Py.ToStr(a.Get(0, "msg")))),
                "raise_not_implemented" => new JinjaFunction(name, a => throw new CompilerException("Not implemented: " + Py.ToStr(a.Get(0, "msg")))),
                "raise_database_error" => new JinjaFunction(name, a => throw new Slipway.Adapters.AdapterException("Database Error\n  " + Py.ToStr(a.Get(0, "msg")))),
                _ when name.StartsWith("raise_", StringComparison.Ordinal) || name.StartsWith("missing_", StringComparison.Ordinal)
                    => new JinjaFunction(name, a => throw new CompilerException(Py.ToStr(a.Get(0, "msg", name)))),
                _ => null,
            };
            return value is not null;
        }
    }
}
