namespace Slipway.Jinja;

/// <summary>Settings of a <see cref="JinjaEnvironment"/>. Jinja2's defaults; set them before compiling templates.</summary>
public sealed class JinjaOptions
{
    public UndefinedBehavior Undefined { get; set; } = UndefinedBehavior.Default;
    public bool TrimBlocks { get; set; }
    public bool LStripBlocks { get; set; }
    public bool KeepTrailingNewline { get; set; }
    /// <summary>dbt's block tags (test, data_test, materialization, docs, snapshot) and typed macro arguments.</summary>
    public bool DbtDialect { get; set; } = true;
    /// <summary>Deepest nesting of macro calls, includes and recursive loops before a RecursionError.</summary>
    public int MaxRecursionDepth { get; set; } = 500;
    /// <summary>Longest output (characters) one render may produce.</summary>
    public long MaxOutputLength { get; set; } = 256L * 1024 * 1024;
    /// <summary>Most loop iterations one render may run (all loops together).</summary>
    public long MaxLoopIterations { get; set; } = 50_000_000;
    /// <summary>Where <c>include</c>, <c>import</c>, <c>extends</c> and <see cref="JinjaEnvironment.GetTemplate"/> find templates.</summary>
    public ITemplateLoader? Loader { get; set; }
}
