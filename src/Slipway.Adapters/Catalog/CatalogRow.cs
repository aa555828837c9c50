namespace Slipway.Adapters.Catalog;

/// <summary>
/// One column of one relation as <c>catalog.json</c> needs it (dbt's catalog query columns:
/// table_database, table_schema, table_name, table_type, table_comment, table_owner, column_name,
/// column_index, column_type, column_comment).
/// </summary>
public sealed record CatalogRow(
    string TableDatabase,
    string TableSchema,
    string TableName,
    string TableType,
    string? TableComment,
    string? TableOwner,
    string ColumnName,
    int ColumnIndex,
    string ColumnType,
    string? ColumnComment);
