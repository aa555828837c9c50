using Slipway.Adapters.Seeds;
using Slipway.Engine.Compilation;
using Slipway.Engine.Contexts;
using Slipway.Engine.Execution;
using Slipway.Engine.Manifest;
using Slipway.Jinja;

namespace Slipway.Engine.UnitTests;

/// <summary>
/// dbt's unit-test compilation: the tested model's SQL rendered with the run-time context, except that each
/// <c>ref</c>/<c>source</c> the test gives (and <c>this</c>, when given) resolves to a CTE of the given rows, the
/// overrides replace macros, vars and env vars, and <c>is_incremental()</c> is false unless overridden (a unit
/// test is not an incremental run). The fixtures are then injected as CTEs, as ephemeral models are.
/// </summary>
internal sealed class UnitTestCompiler(ExecutionServices services)
{
    public string Compile(UnitTestNode test, UnitTestSpec spec)
    {
        var model = test.Model;
        if (model.Language != "sql")
            throw UnitTestSpec.Error(test, $"tests '{model.Name}', a {model.Language} model; only SQL models can be unit tested");
        var inputs = spec.Given.Select(g => UnitTestInput.Resolve(test, g, services.Compiler)).ToList();
        var sql = Render(test, spec, inputs);
        // Only inputs the rendered SQL uses become CTEs, in the order it first uses them (as ephemeral refs are).
        var used = inputs.Select(i => (Input: i, At: FirstUse(sql, CteInjector.Prefix + i.CteName)))
            .Where(u => u.At >= 0).OrderBy(u => u.At).Select(u => u.Input).DistinctBy(i => i.CteName).ToList();
        var ctes = used.Select(i => CteInjector.CteSql(i.CteName, FixtureSqlFor(test, i))).ToList();
        return CteInjector.Inject(sql, ctes);
    }

    private string Render(UnitTestNode test, UnitTestSpec spec, List<UnitTestInput> inputs)
    {
        var model = test.Model;
        var compiler = services.Compiler;
        var host = services.Parse.Loader.Jinja;
        var scope = host.Rent(runtime: true);
        var c = scope.Context;
        var saved = new Dictionary<string, (bool, object?)>(StringComparer.Ordinal);
        var packaged = new List<(PackageNamespace Namespace, string Name, object? Original)>();
        void Set(string key, object? value)
        {
            if (!saved.ContainsKey(key)) saved[key] = (c.TryGetValue(key, out var old), old);
            c[key] = value;
        }
        try
        {
            new RuntimeProvider(compiler, model).Bind(scope);
            new RunContext(services, model).Bind(scope);
            static object Use(UnitTestInput input) => input.CteRelation();
            Set("ref", new JinjaFunction("ref", a =>
            {
                var (name, package) = a.Positional.Count >= 2
                    ? (a.Positional[1]?.ToString() ?? "", a.Positional[0]?.ToString())
                    : (a.Get(0, "name")?.ToString() ?? "", (string?)null);
                var version = (a.Keyword.GetValueOrDefault("v") ?? a.Keyword.GetValueOrDefault("version"))?.ToString();
                var target = compiler.ResolveRef(name, package, version, model);
                return inputs.FirstOrDefault(i => i.TargetId == target.UniqueId && i.DisplayName != "this") is { } input ? Use(input)
                    : throw UnitTestSpec.Error(test, $"gives no input for ref('{name}'), which model '{model.Name}' uses; add it under given (rows: [] for an empty input)");
            }));
            Set("source", new JinjaFunction("source", a =>
            {
                var sourceName = a.Get(0, "source_name")?.ToString() ?? "";
                var tableName = a.Get(1, "table_name")?.ToString() ?? "";
                var source = compiler.ResolveSource(sourceName, tableName, model);
                return inputs.FirstOrDefault(i => i.TargetId == source.UniqueId) is { } input ? Use(input)
                    : throw UnitTestSpec.Error(test, $"gives no input for source('{sourceName}', '{tableName}'), which model '{model.Name}' uses; add it under given (rows: [] for an empty input)");
            }));
            if (inputs.FirstOrDefault(i => i.DisplayName == "this") is { } self) Set("this", Use(self));
            var vars = c["var"] as IJinjaCallable;
            Set("var", new JinjaFunction("var", a =>
                a.Get(0, "var_name") is string name && spec.Overrides.Vars.TryGetValue(name, out var v) ? v : vars!.Call(a)));
            var envVar = c.GetValueOrDefault("env_var") as IJinjaCallable;
            Set("env_var", new JinjaFunction("env_var", a =>
                a.Get(0, "var") is string name && spec.Overrides.EnvVars.TryGetValue(name, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : envVar!.Call(a)));
            Set("is_incremental", Constant("is_incremental", false));
            foreach (var (key, value) in spec.Overrides.Macros)
            {
                // "dbt_utils.star" overrides the macro inside that package's namespace; a plain name the global one.
                var dot = key.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && c.GetValueOrDefault(key[..dot]) is PackageNamespace ns && ns.Macros.TryGetValue(key[(dot + 1)..], out var original))
                {
                    packaged.Add((ns, key[(dot + 1)..], original));
                    ns.Macros[key[(dot + 1)..]] = original is IJinjaCallable ? Constant(key, value) : value;
                }
                else Set(key, c.GetValueOrDefault(key) is IJinjaCallable ? Constant(key, value) : value);
            }
            var template = host.Compile(model.RawCode, model.OriginalFilePath, runtime: true);
            return template.Render(c);
        }
        catch (TemplateError e)
        {
            throw new CompilerException($"Compilation Error in unit_test {test.Name} ({test.OriginalFilePath})\n  {e.TemplateName ?? model.OriginalFilePath}:{e.Line}:{e.Column}: {e.Description}");
        }
        catch (JinjaRuntimeException e)
        {
            throw new CompilerException($"Compilation Error in unit_test {test.Name} ({test.OriginalFilePath})\n  {e.Message}");
        }
        finally
        {
            // The scope is reused by the next node: put back what this test replaced.
            foreach (var (key, (had, old)) in saved)
                if (had) c[key] = old; else c.Remove(key);
            foreach (var (ns, name, original) in packaged) ns.Macros[name] = original;
            host.Release(scope);
        }
    }

    /// <summary>Where <paramref name="name"/> first appears as a whole identifier, or -1.</summary>
    private static int FirstUse(string sql, string name)
    {
        for (var at = sql.IndexOf(name, StringComparison.Ordinal); at >= 0; at = sql.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if (end == sql.Length || !(char.IsLetterOrDigit(sql[end]) || sql[end] == '_')) return at;
        }
        return -1;
    }

    private static JinjaFunction Constant(string name, object? value) => new(name, _ => value);

    /// <summary>The CTE body of one used input: its SQL (format sql) or its rows cast to the real relation's column types.</summary>
    private string FixtureSqlFor(UnitTestNode test, UnitTestInput input)
    {
        var fixture = input.Fixture;
        if (fixture.Format == FixtureFormat.Sql) return fixture.Sql!;
        if (input.Node is { IsEphemeral: true })
            throw UnitTestSpec.Error(test, $"gives rows for the ephemeral model '{input.DisplayName}'; inputs that are ephemeral models must use format: sql");
        var rows = fixture.HasRows ? fixture.Rows : SeedRows(test, input);
        var columns = RelationColumns(input);
        if (columns is null)
        {
            // The upstream relation does not exist (yet): the rows' own keys and literals decide.
            var names = rows.SelectMany(r => r.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names.Count == 0)
                throw UnitTestSpec.Error(test, $"cannot type its input {fixture.Input}: the relation {input.Relation?.Render() ?? input.DisplayName} does not exist and no rows name its columns; build it first (e.g. slipway run --select {input.DisplayName} --empty) or give rows");
            columns = names.Select(n => new FixtureSql.FixtureColumn(n.ToLowerInvariant(), null, services.Adapter.Quote(n.ToLowerInvariant()))).ToList();
        }
        try
        {
            return FixtureSql.Given(columns, rows, input.DisplayName == "this" ? test.Model.Name : input.DisplayName);
        }
        catch (CompilerException e)
        {
            throw new CompilerException($"Compilation Error in unit_test {test.Name} ({test.OriginalFilePath})\n  {e.Message}");
        }
    }

    private List<FixtureSql.FixtureColumn>? RelationColumns(UnitTestInput input)
    {
        if (input.Relation is not { } relation) return null;
        var adapter = services.Adapter;
        if (adapter.GetRelation(relation.Database, relation.Schema, relation.Identifier!) is null) return null;
        var columns = adapter.GetColumnsInRelation(relation);
        return columns.Count == 0 ? null
            : columns.Select(col => new FixtureSql.FixtureColumn(col.Name.ToLowerInvariant(), col.DataType, adapter.Quote(col.Name.ToLowerInvariant()))).ToList();
    }

    /// <summary>A given seed without rows stands for the seed's own CSV (dbt reads the file; cells are text).</summary>
    private IReadOnlyList<IReadOnlyDictionary<string, object?>> SeedRows(UnitTestNode test, UnitTestInput input)
    {
        if (input.Node is not SeedNode seed)
            throw UnitTestSpec.Error(test, $"gives input {input.Fixture.Input} without rows; only a seed may leave out rows (its CSV is used)");
        var table = SeedFile.Read(Path.Combine(seed.RootPath ?? services.Config.Project.RootPath, seed.OriginalFilePath));
        return table.Rows.Select(r => (IReadOnlyDictionary<string, object?>)table.Header.Select((h, i) => (h, (object?)r[i]))
            .ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal)).ToList();
    }
}
