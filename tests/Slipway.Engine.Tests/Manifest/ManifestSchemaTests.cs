using System.Text.Json.Nodes;
using Json.Schema;
using Slipway.Engine.Artifacts;
using Slipway.Engine.Tests.Parsing;

namespace Slipway.Engine.Tests.Manifest;

/// <summary>Every manifest.json we write validates against dbt's published manifest v12 JSON Schema.</summary>
public sealed class ManifestSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(TestPaths.ArtifactSchema("manifest_v12.json")));

    internal static void AssertValid(Engine.Manifest.Manifest manifest)
    {
        using var stream = new MemoryStream();
        ManifestWriter.Write(manifest, stream);
        var json = JsonNode.Parse(stream.ToArray());
        var result = Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return;
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors!.Values)}")
            .Take(15);
        Assert.Fail("manifest.json does not match manifest v12:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Parsed_fixture_manifest_is_valid_v12()
    {
        var manifest = FixtureLoader.Parse("harbor_basic").Manifest;
        AssertValid(manifest);
    }

    [Fact]
    public void The_schema_check_rejects_a_key_dbt_does_not_write()
    {
        var manifest = FixtureLoader.Parse("harbor_basic").Manifest;
        using var stream = new MemoryStream();
        ManifestWriter.Write(manifest, stream);
        var json = JsonNode.Parse(stream.ToArray())!;
        json["nodes"]!["model.harbor_basic.fct_orders"]!["not_a_dbt_key"] = 1;
        Assert.False(Schema.Value.Evaluate(json).IsValid);
    }

    [Fact]
    public void Written_manifest_has_dbt_metadata()
    {
        var manifest = FixtureLoader.Parse("harbor_basic").Manifest;
        using var stream = new MemoryStream();
        ManifestWriter.Write(manifest, stream);
        var json = JsonNode.Parse(stream.ToArray())!;
        Assert.Equal("https://schemas.getdbt.com/dbt/manifest/v12.json", (string?)json["metadata"]!["dbt_schema_version"]);
        Assert.Equal("harbor_basic", (string?)json["metadata"]!["project_name"]);
        Assert.Equal("main_mart", (string?)json["nodes"]!["model.harbor_basic.fct_orders"]!["schema"]);
        Assert.Equal("view", (string?)json["nodes"]!["model.harbor_basic.stg_orders"]!["config"]!["materialized"]);
        Assert.NotNull(json["parent_map"]!["model.harbor_basic.fct_orders"]);
    }
}
