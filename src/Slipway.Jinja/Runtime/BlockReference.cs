namespace Slipway.Jinja.Runtime;

/// <summary><c>super()</c> inside a block, and <c>self.name()</c>: renders one block of the chain.</summary>
internal sealed class BlockReference(Interpreter interpreter, TemplateContext context, string name, int index, Frame frame) : IJinjaCallable
{
    public object? Call(Arguments arguments) => interpreter.RenderBlockToString(context, name, index, frame);
}
