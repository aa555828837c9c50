namespace Slipway.Jinja.Runtime;

/// <summary>The template's <c>self</c>: its blocks as attributes.</summary>
internal sealed class TemplateReference(Interpreter interpreter, TemplateContext context, Frame frame) : IJinjaObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        if (context.Blocks.ContainsKey(name))
        {
            value = new BlockReference(interpreter, context, name, 0, frame, scoped: false);
            return true;
        }
        value = null;
        return false;
    }

    public override string ToString() =>
        $"<TemplateReference {(context.Template.Name is null ? "None" : Values.Py.Repr(context.Template.Name))}>";
}
