using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Parsing;

internal sealed partial class ManifestLoader
{
    /// <summary>Test entry keys that are configs, not macro arguments (dbt's <c>TestBuilder.CONFIG_ARGS</c>).</summary>
    private static readonly string[] TestConfigArgs =
        ["severity", "tags", "enabled", "where", "limit", "warn_if", "error_if", "fail_calc", "store_failures", "store_failures_as", "meta", "database", "schema", "alias"];

    [GeneratedRegex(@"^(?:([a-zA-Z_][0-9a-zA-Z_]*)\.)?([a-zA-Z_][0-9a-zA-Z_]*)")]
    private static partial Regex TestNamePattern();

    public const string GenericTestKwargsName = "_dbt_generic_test_kwargs";

    private void BuildGenericTests()
    {
        foreach (var pending in _pendingTests)
        {
            var node = BuildGenericTest(pending);
            if (node is null) continue;
            if (!node.Config.Enabled) { AddDisabled(node); continue; }
            if (_manifest.Nodes.TryGetValue(node.UniqueId, out var existing))
                throw new ParseException(pending.File.OriginalFilePath, pending.Line, pending.Column,
                    $"defines the test '{node.Name}' twice for the same {pending.YamlKey[..^1]} and arguments (also in {existing.OriginalFilePath}); give one of them a distinct 'name:'");
            _manifest.Nodes[node.UniqueId] = node;
        }
    }

    private GenericTestNode? BuildGenericTest(PendingTest t)
    {
        ParseException Fail(string message) => new(t.File.OriginalFilePath, t.Line, t.Column, message);

        string testName;
        OrderedDictionary<string, object?> args;
        switch (t.Definition)
        {
            case string s:
                testName = s;
                args = new(StringComparer.Ordinal);
                break;
            case IDictionary<string, object?> d when d.ContainsKey("test_name"):
                testName = d["test_name"] as string ?? throw Fail("has a test whose 'test_name' is not a string");
                args = (OrderedDictionary<string, object?>)ConfigMerge.Copy(d)!;
                args.Remove("test_name");
                break;
            case IDictionary<string, object?> d when d.Count == 1:
                var (k, v) = d.First();
                testName = k;
                args = v switch
                {
                    null => new(StringComparer.Ordinal),
                    IDictionary<string, object?> a => (OrderedDictionary<string, object?>)ConfigMerge.Copy(a)!,
                    _ => throw Fail($"has test '{k}' whose arguments are not a mapping"),
                };
                break;
            default:
                throw Fail("has a test entry that is neither a test name nor a mapping with exactly one test name as key");
        }
        if (args.ContainsKey("model")) throw Fail($"passes 'model' to test '{testName}'; dbt sets it to the tested model itself");
        if (t.ColumnName is not null) args["column_name"] = t.ColumnName;

        // dbt 1.10: macro arguments may sit under 'arguments:' (the recommended spelling).
        if (args.Remove("arguments", out var nested))
        {
            if (nested is not IDictionary<string, object?> nestedArgs) throw Fail($"has 'arguments' of test '{testName}' that is not a mapping");
            foreach (var (k, v) in nestedArgs) args[k] = ConfigMerge.Copy(v);
        }

        var config = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var nestedConfig = args.GetValueOrDefault("config") as IDictionary<string, object?>;
        foreach (var key in TestConfigArgs)
        {
            args.Remove(key, out var value);
            if (value is not null && nestedConfig is not null && nestedConfig.ContainsKey(key))
                throw Fail($"sets '{key}' of test '{testName}' both at the top level and under 'config:'; keep one");
            if (value is null && nestedConfig is not null && nestedConfig.Remove(key, out var inner)) value = inner;
            if (value is not null) config[key] = value;
        }
        if (args.Remove("config", out var configArg) && configArg is IDictionary<string, object?> cd)
            foreach (var (k, v) in cd) if (v is not null) config[k] = v;

        var match = TestNamePattern().Match(testName);
        if (!match.Success) throw Fail($"has test name '{testName}', which is not a valid macro name (letters, digits, underscores, optionally 'package.')");
        var name = match.Groups[2].Value;
        var ns = match.Groups[1].Success ? match.Groups[1].Value : null;
        var description = args.Remove("description", out var desc) ? desc as string ?? "" : "";

        var isSource = t.YamlKey == "sources";
        var targetRef = isSource
            ? $"source('{t.SourceName}', '{t.TableName}')"
            : t.Version is not null ? $"ref('{t.TargetName}', version='{t.Version}')" : $"ref('{t.TargetName}')";
        args["model"] = $"{{{{ get_where_subquery({targetRef}) }}}}";

        string shortName, fullName;
        if (args.Remove("name", out var custom) && custom is not null)
            shortName = fullName = Convert.ToString(custom, CultureInfo.InvariantCulture)!;
        else
        {
            var type = isSource ? "source_" + name : name;
            if (ns is not null) type = $"{ns}_{type}";
            var targetName = t.Version is not null ? $"{t.TargetName}_v{t.Version}" : t.TargetName;
            (shortName, fullName) = GenericTestNaming.Synthesize(type, targetName, args);
            if (shortName != fullName && !config.ContainsKey("alias")) config["alias"] = shortName;
        }

        var macroId = ResolveMacro("test_" + name, ns, t.File.PackageName)
            ?? throw Fail($"uses the generic test '{testName}', but no macro 'test_{name}' is defined (a {{% test {name}(model, ...) %}} block in macros/ or tests/generic/)");

        var pkg = t.File.PackageName;
        var ymlParts = t.File.OriginalFilePath.Split('/');
        var fqn = new List<string> { pkg };
        fqn.AddRange(ymlParts.Skip(1).Take(Math.Max(0, ymlParts.Length - 2)));
        fqn.Add(fullName);

        var hash = GenericTestNaming.Hash(fullName, name, ns, args);
        var node = new GenericTestNode
        {
            UniqueId = $"test.{pkg}.{fullName}.{hash}",
            Name = fullName,
            PackageName = pkg,
            Path = shortName + ".sql",
            OriginalFilePath = t.File.OriginalFilePath,
            Fqn = fqn,
            Schema = Target.Schema,
            Database = Target.Database,
            Alias = fullName,
            RawCode = BuildTestRawCode(ns, name, config),
            Description = description,
            ColumnName = t.ColumnName,
            FileKeyName = isSource ? $"sources.{t.SourceName}" : $"{t.YamlKey}.{t.TargetName}",
            TestMetadata = new TestMetadata { Name = name, Kwargs = args, Namespace = ns },
            Tags = t.Tags.Concat(ConfigMerge.Listify(config.GetValueOrDefault("tags")).Select(x => x?.ToString() ?? "")).Distinct().Order(StringComparer.Ordinal).ToList(),
            CreatedAt = _createdAt,
        };
        // Every generic test renders its model argument through get_where_subquery (dbt lists both once compiled).
        node.DependsOn.AddMacro(macroId);
        node.DependsOn.AddMacro("macro.dbt.get_where_subquery");

        // Refs and sources the arguments mention (e.g. relationships' to: ref('x')), in argument order, as
        // rendering the kwargs at parse time records them; the tested model comes from the 'model' argument.
        foreach (var (_, value) in args) CollectCalls(value, node);
        foreach (var (k, v) in config) node.ConfigCallDict[k] = v;

        var projectConfig = _resolver.Resolve(pkg, "test", fqn);
        var merged = ConfigDefaults.For(ResourceType.Test);
        var unrendered = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var layer in new[] { projectConfig, config })
        {
            ConfigMerge.MergeInto(merged, layer);
            ConfigMerge.MergeInto(unrendered, layer);
        }
        ApplyConfig(node, merged, unrendered);

        if (!isSource)
        {
            var attached = FindRefable(t.TargetName, pkg, t.Version, includeDisabled: true);
            if (attached is not null)
            {
                node.AttachedNode = attached.UniqueId;
                node.Group = attached.Group;
            }
        }
        return node;
    }

    /// <summary><c>{{ test_not_null(**_dbt_generic_test_kwargs) }}</c> plus a <c>config()</c> call for the entry's configs.</summary>
    private static string BuildTestRawCode(string? ns, string name, OrderedDictionary<string, object?> config)
    {
        var macro = ns is null ? $"test_{name}" : $"{ns}.test_{name}";
        var sb = new StringBuilder($"{{{{ {macro}(**{GenericTestKwargsName}) }}}}");
        if (config.Count > 0)
        {
            sb.Append("{{ config(");
            sb.Append(string.Join(",", config.Select(kv => kv.Key + "=" + (kv.Value is string s ? "\"" + s.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : PythonText.Str(kv.Value)))));
            sb.Append(") }}");
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\b(ref|source)\s*\(")]
    private static partial Regex RefOrSourceCall();

    private void CollectCalls(object? value, ManifestNode node)
    {
        switch (value)
        {
            case string s when s.Contains("ref", StringComparison.Ordinal) || s.Contains("source", StringComparison.Ordinal):
                foreach (Match m in RefOrSourceCall().Matches(s))
                {
                    var reader = new LiteralReader(s, m.Index);
                    if (reader.ReadCall() is { } call) RecordCall(node.Refs, node.Sources, node.Metrics, call);
                }
                break;
            case IDictionary<string, object?> d:
                foreach (var v in d.Values) CollectCalls(v, node);
                break;
            case IList<object?> l:
                foreach (var v in l) CollectCalls(v, node);
                break;
        }
    }
}
