using System.Globalization;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Parsing;

internal sealed partial class ManifestLoader
{
    /// <summary>One <c>sources:</c> entry: a source definition per table, plus its tests.</summary>
    private void ParseSource(SourceFile file, YamlValues yaml, IDictionary<string, object?> entry, string[] path)
    {
        var sourceName = (string)entry["name"]!;
        var pkg = file.PackageName;
        var sourceConfig = Dict(entry, "config") ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var sourceTags = StrList(entry, "tags");
        var sourceMeta = Dict(entry, "meta") ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        if (!entry.TryGetValue("tables", out var tablesValue) || tablesValue is not IList<object?> tables) return;
        for (var i = 0; i < tables.Count; i++)
        {
            string[] tablePath = [.. path, "tables", i.ToString(CultureInfo.InvariantCulture)];
            if (tables[i] is not IDictionary<string, object?> table || Str(table, "name") is not { } tableName)
                throw Error(yaml, $"has a table of source '{sourceName}' without a 'name'", tablePath);
            var fqn = new List<string> { pkg };
            fqn.AddRange(file.Folders);
            fqn.Add(sourceName);
            fqn.Add(tableName);
            var config = ConfigDefaults.For(ResourceType.Source);
            var projectConfig = _resolver.Resolve(pkg, "source", fqn);
            var tableConfig = Dict(table, "config") ?? [];
            ConfigMerge.MergeInto(config, projectConfig);
            ConfigMerge.MergeInto(config, sourceConfig);
            ConfigMerge.MergeInto(config, tableConfig);
            // The config default (freshness: null) must not switch off a freshness set on the source entry.
            var configSetsFreshness = projectConfig.ContainsKey("freshness") || sourceConfig.ContainsKey("freshness") || tableConfig.ContainsKey("freshness");
            var freshness = MergeFreshness(entry, table, configSetsFreshness ? config : new Dictionary<string, object?>());
            var tableMeta = Dict(table, "meta") ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal);
            var meta = (OrderedDictionary<string, object?>)ConfigMerge.Copy(sourceMeta)!;
            foreach (var (k, v) in tableMeta) meta[k] = v;
            if (config.TryGetValue("meta", out var cm) && cm is IDictionary<string, object?> cmd) foreach (var (k, v) in cmd) meta[k] = v;
            var tags = sourceTags.Concat(StrList(table, "tags")).Concat(config.TryGetValue("tags", out var ct) ? ConfigMerge.Listify(ct).Select(t => t?.ToString() ?? "") : []).Distinct().ToList();
            var source = new SourceDefinition
            {
                UniqueId = $"source.{pkg}.{sourceName}.{tableName}",
                Name = tableName,
                PackageName = pkg,
                Path = file.OriginalFilePath,
                OriginalFilePath = file.OriginalFilePath,
                Fqn = fqn,
                SourceName = sourceName,
                SourceDescription = RenderDescription(Str(entry, "description") ?? "", pkg, yaml, [.. path, "description"]),
                Description = RenderDescription(Str(table, "description") ?? "", pkg, yaml, [.. tablePath, "description"]),
                Loader = Str(entry, "loader") ?? "",
                Identifier = Str(table, "identifier") ?? tableName,
                Database = Str(table, "database") ?? Str(entry, "database") ?? Target.Database,
                Schema = Str(entry, "schema") ?? sourceName,
                UnrenderedDatabase = Str(entry, "database"),
                UnrenderedSchema = Str(entry, "schema"),
                LoadedAtField = Str(table, "loaded_at_field") ?? Str(config, "loaded_at_field") ?? Str(entry, "loaded_at_field"),
                LoadedAtQuery = Str(table, "loaded_at_query") ?? Str(entry, "loaded_at_query"),
                Freshness = freshness,
                External = Dict(table, "external"),
                Quoting = MergeQuoting(entry, table),
                Meta = meta,
                SourceMeta = sourceMeta,
                Tags = tags,
                Config = new NodeConfig(config),
                CreatedAt = _createdAt,
            };
            foreach (var key in new[] { "loaded_at_field", "tags", "meta" }) config.Remove(key);
            config["freshness"] = freshness is null ? null : ConfigMerge.Copy(freshness);
            if (table.TryGetValue("columns", out var columns) && columns is IList<object?> cols)
            {
                for (var c = 0; c < cols.Count; c++)
                    if (cols[c] is IDictionary<string, object?> col)
                    {
                        var column = ParseColumn(col, pkg, yaml, [.. tablePath, "columns", c.ToString(CultureInfo.InvariantCulture)]);
                        source.Columns[column.Name] = column;
                    }
            }
            source.RelationName = source.Quoting.Count == 0 ? _quoting.Render(source.Database, source.Schema, source.Identifier)
                : new Compilation.RelationQuoting(
                    source.Quoting.GetValueOrDefault("database") as bool? ?? _quoting.Database,
                    source.Quoting.GetValueOrDefault("schema") as bool? ?? _quoting.Schema,
                    source.Quoting.GetValueOrDefault("identifier") as bool? ?? _quoting.Identifier).Render(source.Database, source.Schema, source.Identifier);
            if (!source.Config.Enabled)
            {
                AddDisabled(source);
                continue;
            }
            if (_manifest.Sources.ContainsKey(source.UniqueId))
                throw Error(yaml, $"defines source table '{sourceName}.{tableName}' a second time (it is also in {_manifest.Sources[source.UniqueId].OriginalFilePath})", tablePath);
            _manifest.Sources[source.UniqueId] = source;
            QueueTests(file, yaml, table, tablePath, "sources", $"{sourceName}_{tableName}", null, null, tags, sourceName, tableName);
        }
    }

    private static OrderedDictionary<string, object?>? MergeFreshness(IDictionary<string, object?> source, IDictionary<string, object?> table, IDictionary<string, object?> config)
    {
        object? value = null;
        var present = false;
        foreach (var layer in new[] { source, config, table })
        {
            if (!layer.TryGetValue("freshness", out var f)) continue;
            present = true;
            if (f is null) { value = null; continue; }
            if (f is IDictionary<string, object?> d)
            {
                var merged = value as OrderedDictionary<string, object?> ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, v) in d) merged[k] = ConfigMerge.Copy(v);
                value = merged;
            }
        }
        if (!present || value is not OrderedDictionary<string, object?> result) return null;
        foreach (var key in new[] { "warn_after", "error_after" })
        {
            var after = result.GetValueOrDefault(key) as IDictionary<string, object?>;
            result[key] = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["count"] = after?.GetValueOrDefault("count"),
                ["period"] = after?.GetValueOrDefault("period"),
            };
        }
        if (!result.ContainsKey("filter")) result["filter"] = null;
        return result;
    }

    private static OrderedDictionary<string, object?> MergeQuoting(IDictionary<string, object?> source, IDictionary<string, object?> table)
    {
        var q = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var layer in new[] { source, table })
            if (layer.TryGetValue("quoting", out var v) && v is IDictionary<string, object?> d)
                foreach (var (k, val) in d) q[k] = val;
        return q;
    }

    private void AddDisabled(GraphResource resource)
    {
        if (!_manifest.Disabled.TryGetValue(resource.UniqueId, out var list)) _manifest.Disabled[resource.UniqueId] = list = [];
        list.Add(resource);
    }

    private void PatchMacro(SourceFile file, IDictionary<string, object?> entry)
    {
        var name = (string)entry["name"]!;
        if (!_manifest.Macros.TryGetValue($"macro.{file.PackageName}.{name}", out var macro)) return;
        macro.PatchPath = $"{file.PackageName}://{file.OriginalFilePath}";
        macro.Description = RenderDescription(Str(entry, "description") ?? "", file.PackageName, null, []);
        if (Dict(entry, "meta") is { } meta) macro.Meta = meta;
        if (entry.TryGetValue("arguments", out var args) && args is IList<object?> list)
            macro.Arguments = list.Select(a => a is IDictionary<string, object?> d
                ? (object?)new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["name"] = Str(d, "name"), ["type"] = Str(d, "type"), ["description"] = Str(d, "description") ?? "" }
                : a).ToList();
        if (Dict(entry, "docs") is { } docs && docs.TryGetValue("show", out var show) && show is bool b) macro.DocsShow = b;
    }

    private void ParseExposure(SourceFile file, YamlValues yaml, IDictionary<string, object?> entry, string[] path)
    {
        var name = (string)entry["name"]!;
        var pkg = file.PackageName;
        var fqn = new List<string> { pkg };
        fqn.AddRange(file.Folders);
        fqn.Add(name);
        var config = ConfigDefaults.For(ResourceType.Exposure);
        ConfigMerge.MergeInto(config, _resolver.Resolve(pkg, "exposure", fqn));
        ConfigMerge.MergeInto(config, Dict(entry, "config") ?? []);
        var exposure = new Exposure
        {
            UniqueId = $"exposure.{pkg}.{name}",
            Name = name,
            PackageName = pkg,
            Path = file.Path,
            OriginalFilePath = file.OriginalFilePath,
            Fqn = fqn,
            Type = Str(entry, "type") ?? throw Error(yaml, $"has exposure '{name}' without a 'type' (dashboard, notebook, analysis, ml or application)", path),
            Owner = Dict(entry, "owner") ?? throw Error(yaml, $"has exposure '{name}' without an 'owner' (with a name or an email)", path),
            Label = Str(entry, "label"),
            Maturity = Str(entry, "maturity"),
            Url = Str(entry, "url"),
            Description = RenderDescription(Str(entry, "description") ?? "", pkg, yaml, [.. path, "description"]),
            Meta = Dict(entry, "meta") ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal),
            Tags = StrList(entry, "tags").Concat(ConfigMerge.Listify(config.GetValueOrDefault("tags")).Select(t => t?.ToString() ?? "")).Distinct().ToList(),
            Config = new NodeConfig(config),
            CreatedAt = _createdAt,
        };
        foreach (var dep in StrList(entry, "depends_on"))
        {
            var call = ParseCallString(dep);
            if (call is null) throw Error(yaml, $"has exposure '{name}' with depends_on entry \"{dep}\"; expected ref('model'), source('source', 'table') or metric('name')", [.. path, "depends_on"]);
            RecordCall(exposure.Refs, exposure.Sources, exposure.Metrics, call);
        }
        if (!exposure.Config.Enabled) { AddDisabled(exposure); return; }
        _manifest.Exposures[exposure.UniqueId] = exposure;
    }

    /// <summary>Parses <c>"ref('x')"</c>-style text from YAML.</summary>
    internal static StaticCall? ParseCallString(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("{{", StringComparison.Ordinal) && t.EndsWith("}}", StringComparison.Ordinal)) t = t[2..^2];
        var reader = new LiteralReader(t, 0);
        var call = reader.ReadCall(allowMetric: true);
        reader.SkipSpace();
        return call is not null && reader.Position >= t.Length ? call : null;
    }

    private void ParseGroup(SourceFile file, IDictionary<string, object?> entry)
    {
        var name = (string)entry["name"]!;
        var group = new Group
        {
            UniqueId = $"group.{file.PackageName}.{name}",
            Name = name,
            PackageName = file.PackageName,
            Path = file.Path,
            OriginalFilePath = file.OriginalFilePath,
            Owner = Dict(entry, "owner") ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal),
            Description = Str(entry, "description"),
            Config = Dict(entry, "config") ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["meta"] = new OrderedDictionary<string, object?>() },
        };
        _manifest.Groups[group.UniqueId] = group;
    }

    /// <summary>Metrics, semantic models, saved queries, unit tests: kept as data, with refs resolved for the DAG.</summary>
    private void AddDataResource(SourceFile file, ResourceType type, IDictionary<string, object?> entry, OrderedDictionary<string, DataResource> into,
        (int Line, int Column)? position = null)
    {
        var name = Str(entry, "name") ?? "";
        var pkg = file.PackageName;
        var fqn = new List<string> { pkg };
        fqn.AddRange(file.Folders);
        var model = Str(entry, "model");
        if (type == ResourceType.UnitTest && model is not null) fqn.Add(model);
        fqn.Add(name);
        var id = type == ResourceType.UnitTest ? $"unit_test.{pkg}.{model}.{name}" : $"{type.ToDbtString()}.{pkg}.{name}";
        var config = ConfigDefaults.For(type);
        ConfigMerge.MergeInto(config, Dict(entry, "config") ?? []);
        var resource = new DataResource(type)
        {
            UniqueId = id, Name = name, PackageName = pkg, Path = file.Path, OriginalFilePath = file.OriginalFilePath,
            Fqn = fqn, Properties = (OrderedDictionary<string, object?>)ConfigMerge.Copy(entry)!, Config = new NodeConfig(config),
            Description = Str(entry, "description") ?? "", CreatedAt = _createdAt, Group = Str(config, "group"), Position = position,
        };
        if (type is ResourceType.SemanticModel && model is not null && ParseCallString(model) is { } call) RecordCall(resource.Refs, [], [], call);
        if (type is ResourceType.UnitTest && model is not null)
        {
            resource.Refs.Add(new RefCall(model, null, null));
            foreach (var (k, v) in new[] { ("description", (object?)""), ("overrides", null), ("schema", null), ("versions", null), ("version", null), ("checksum", null) })
                if (!resource.Properties.ContainsKey(k)) resource.Properties[k] = v;
        }
        if (!resource.Config.Enabled) { AddDisabled(resource); return; }
        into[id] = resource;
    }
}
