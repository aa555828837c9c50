namespace Slipway.Engine.Contexts;

/// <summary>A Jinja-level failure dbt calls a "Compilation Error": raised by templates or by a bad call from them.</summary>
public sealed class CompilerException(string message) : Exception(message);
