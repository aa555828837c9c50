using Slipway.Engine.Manifest;

namespace Slipway.Engine.UnitTests;

/// <summary>
/// A unit test as the runner schedules it: a node (so it has a place in run_results, the console and the ready
/// queue) built at run time from the manifest's <c>unit_tests</c> entry, sitting in the tested model's schema.
/// The manifest keeps the <see cref="DataResource"/>; this node never enters <c>manifest.nodes</c>.
/// </summary>
internal sealed class UnitTestNode : ManifestNode
{
    public override ResourceType ResourceType => ResourceType.UnitTest;

    /// <summary>The <c>unit_tests:</c> entry as parsed.</summary>
    public required DataResource Definition { get; init; }

    /// <summary>The model under test.</summary>
    public required ModelNode Model { get; init; }

    /// <summary>The test's place in its YAML file, <c>models/x.yml:12:5</c> (the file alone when unknown).</summary>
    public string Location => Definition.Position is { } p ? $"{OriginalFilePath}:{p.Line}:{p.Column}" : OriginalFilePath;

    /// <summary>How dbt names a unit test on its console lines: <c>model::test</c>.</summary>
    public string DisplayName => $"{Model.Name}::{Name}";

    /// <summary>The selected unit tests of <paramref name="manifest"/> whose model exists, in manifest order.</summary>
    public static List<UnitTestNode> Selected(Manifest.Manifest manifest, IReadOnlySet<string> selected) =>
        manifest.UnitTests.Values.Where(u => selected.Contains(u.UniqueId))
            .Select(u => From(manifest, u)).OfType<UnitTestNode>().ToList();

    public static UnitTestNode? From(Manifest.Manifest manifest, DataResource definition)
    {
        var modelId = definition.DependsOn.Nodes.FirstOrDefault();
        if (modelId is null || manifest.Nodes.GetValueOrDefault(modelId) is not ModelNode model) return null;
        return new UnitTestNode
        {
            UniqueId = definition.UniqueId,
            Name = definition.Name,
            PackageName = definition.PackageName,
            // Like a generic test's, the compiled SQL goes under the YAML file: <file>.yml/<model>__<test>.sql.
            Path = $"{model.Name}__{definition.Name}.sql",
            OriginalFilePath = definition.OriginalFilePath,
            Fqn = definition.Fqn,
            Tags = definition.Tags,
            Meta = definition.Meta,
            Description = definition.Description,
            DependsOn = definition.DependsOn,
            Database = model.Database,
            Schema = model.Schema,
            Alias = definition.Name,
            Config = definition.Config,
            RawCode = model.RawCode,
            Definition = definition,
            Model = model,
        };
    }
}
