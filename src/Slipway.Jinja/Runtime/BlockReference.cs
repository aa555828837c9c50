namespace Slipway.Jinja.Runtime;

/// <summary><c>super()</c> inside a block (scoped like the block), and <c>self.name()</c> (never scoped): renders one block of the chain.</summary>
internal sealed class BlockReference(Interpreter interpreter, TemplateContext context, string name, int index, Frame frame, bool scoped) : IJinjaCallable
{
    public object? Call(Arguments arguments) => interpreter.RenderBlockToString(context, name, index, frame, scoped);
}
