namespace Slipway.Engine.Graph;

/// <summary>What state:modified.macros reads of a macro: its source and the macros it calls.</summary>
internal sealed record MacroInfo(string UniqueId, string MacroSql, IReadOnlyList<string> DependsOnMacros);
