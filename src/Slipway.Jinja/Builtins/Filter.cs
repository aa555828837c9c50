namespace Slipway.Jinja.Builtins;

/// <summary>A filter: <c>value | name(args)</c>.</summary>
public delegate object? Filter(IRenderContext context, object? value, Arguments arguments);

/// <summary>A test: <c>value is name(args)</c>.</summary>
public delegate bool Test(IRenderContext context, object? value, Arguments arguments);

/// <summary>What a filter, test or global needs from the render in progress.</summary>
public interface IRenderContext
{
    JinjaEnvironment Environment { get; }
    /// <summary>An undefined value of the environment's kind (default or strict).</summary>
    Values.Undefined MakeUndefined(string? name, string? hint = null);
    /// <summary>Call a filter by name (for <c>map('upper')</c>); throws TemplateRuntimeError "No filter named 'x'." when unknown.</summary>
    object? CallFilter(string name, object? value, Arguments arguments);
    /// <summary>Call a test by name (for <c>select('odd')</c>); throws when unknown.</summary>
    bool CallTest(string name, object? value, Arguments arguments);
    /// <summary>Attribute lookup as the template's <c>a.b</c> does (getattr, then item), including dotted paths for <c>attribute=</c>.</summary>
    object? GetAttribute(object? value, string name);
    /// <summary>Item lookup as the template's <c>a[b]</c> does.</summary>
    object? GetItem(object? value, object? key);
    /// <summary>True inside <c>{% autoescape true %}</c>: join, replace, xmlattr and urlize then produce Markup as Jinja2 does.</summary>
    bool Autoescape => false;
}
