namespace Slipway.Jinja;

/// <summary>
/// An error raised while rendering, before its location is known. The interpreter catches it at the node
/// that was executing and turns it into a <see cref="TemplateError"/> with template name, line and column.
/// <see cref="PythonType"/> is the Python exception class Jinja2 would raise (TypeError, UndefinedError, …).
/// </summary>
public class JinjaRuntimeException(string message, string pythonType = "TemplateRuntimeError") : Exception(message)
{
    public string PythonType { get; } = pythonType;
}
