namespace Slipway.Engine.Parsing;

/// <summary>A <c>data_tests:</c> entry waiting to become a generic test node once every node's config is known.</summary>
internal sealed record PendingTest(
    SourceFile File,
    /// <summary><c>models</c>, <c>seeds</c>, <c>snapshots</c>, <c>sources</c>, <c>analyses</c>.</summary>
    string YamlKey,
    /// <summary>The model/seed/snapshot name, or the source table's <c>&lt;source&gt;_&lt;table&gt;</c>.</summary>
    string TargetName,
    string? Version,
    string? SourceName,
    string? TableName,
    string? ColumnName,
    object? Definition,
    /// <summary>Tags from the column/table/source the test sits under.</summary>
    List<string> Tags,
    int Line,
    int Column);
