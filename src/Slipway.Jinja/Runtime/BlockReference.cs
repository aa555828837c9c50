namespace Slipway.Jinja.Runtime;

/// <summary><c>super()</c> inside a block, and <c>self.name()</c>: renders one block of the chain.</summary>
internal sealed class BlockReference(Interpreter interpreter, TemplateContext context, string name, int index, Frame frame) : IJinjaCallable
{
    public object? Call(Arguments arguments) => interpreter.RenderBlockToString(context, name, index, frame);
}

/// <summary>The template's <c>self</c>: its blocks as attributes.</summary>
internal sealed class TemplateReference(Interpreter interpreter, TemplateContext context, Frame frame) : IJinjaObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        if (context.Blocks.ContainsKey(name))
        {
            value = new BlockReference(interpreter, context, name, 0, frame);
            return true;
        }
        value = null;
        return false;
    }

    public override string ToString() =>
        $"<TemplateReference {(context.Template.Name is null ? "None" : Values.Py.Repr(context.Template.Name))}>";
}
