using System.Text.Json;

namespace Slipway.Engine.Artifacts;

/// <summary><c>target/perf_info.json</c>: how long each parsing phase took (dbt's <c>ManifestLoaderInfo</c>).</summary>
public sealed class PerfInfo
{
    public int PathCount { get; set; }
    public int ParsedPathCount { get; set; }
    public double ReadFilesElapsed { get; set; }
    public double LoadMacrosElapsed { get; set; }
    public double ParseProjectElapsed { get; set; }
    public double PatchSourcesElapsed { get; set; }
    public double ProcessManifestElapsed { get; set; }
    public double LoadAllElapsed { get; set; }
    public bool IsPartialParseEnabled { get; set; }
    public List<ProjectPerf> Projects { get; } = [];

    public sealed class ProjectPerf
    {
        public required string ProjectName { get; init; }
        public double Elapsed { get; set; }
        public List<(string Parser, double Elapsed, int PathCount)> Parsers { get; } = [];
        public int ParsedPathCount { get; set; }
    }

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("path_count", PathCount);
        w.WriteNumber("static_analysis_path_count", 0);
        w.WriteNumber("static_analysis_parsed_path_count", 0);
        w.WriteNumber("parsed_path_count", ParsedPathCount);
        w.WriteBoolean("is_partial_parse_enabled", IsPartialParseEnabled);
        w.WriteBoolean("is_static_analysis_enabled", true);
        w.WriteNumber("read_files_elapsed", ReadFilesElapsed);
        w.WriteNumber("load_macros_elapsed", LoadMacrosElapsed);
        w.WriteNumber("parse_project_elapsed", ParseProjectElapsed);
        w.WriteNumber("patch_sources_elapsed", PatchSourcesElapsed);
        w.WriteNumber("process_manifest_elapsed", ProcessManifestElapsed);
        w.WriteNumber("load_all_elapsed", LoadAllElapsed);
        w.WriteStartArray("projects");
        foreach (var p in Projects)
        {
            w.WriteStartObject();
            w.WriteString("project_name", p.ProjectName);
            w.WriteNumber("elapsed", p.Elapsed);
            w.WriteStartArray("parsers");
            foreach (var (parser, elapsed, count) in p.Parsers)
            {
                w.WriteStartObject();
                w.WriteString("parser", parser);
                w.WriteNumber("elapsed", elapsed);
                w.WriteNumber("path_count", count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("parsed_path_count", p.ParsedPathCount);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
