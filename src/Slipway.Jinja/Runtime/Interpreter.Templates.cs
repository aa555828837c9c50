using System.Text;
using Slipway.Jinja.Syntax.Ast;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Runtime;

// include, import, from-import, extends and blocks.
internal sealed partial class Interpreter
{
    /// <summary>A template from a name, a list of names (first found) or a Template; null when missing and allowed.</summary>
    private Template? LoadTemplate(object? target, bool ignoreMissing)
    {
        switch (target)
        {
            case Template t: return t;
            case string name:
                var found = _env.TryGetTemplate(name);
                if (found is null && !ignoreMissing) throw new JinjaRuntimeException(name, "TemplateNotFound");
                return found;
            case Undefined u:
                if (ignoreMissing) return null;
                throw new JinjaRuntimeException(u.Message, "UndefinedError");
            case IList<object?> or PyTuple:
                var names = Py.Iterate(target).ToList();
                foreach (var n in names)
                {
                    if (n is Template nt) return nt;
                    if (n is string s && _env.TryGetTemplate(s) is { } hit) return hit;
                }
                if (ignoreMissing) return null;
                var parts = string.Join(", ", names.Select(n => n is Undefined un ? un.Message : Py.ToStr(n)));
                throw new JinjaRuntimeException($"none of the templates given were found: {parts}", "TemplatesNotFound");
            default:
                throw new JinjaRuntimeException(Py.ToStr(target), "TemplateNotFound");
        }
    }

    private void ExecInclude(IncludeStmt s, Frame frame)
    {
        var template = LoadTemplate(Eval(s.Template, frame), s.IgnoreMissing);
        if (template is null) return;
        EnterCall();
        try
        {
            var ctx = s.WithContext
                ? new TemplateContext(template, frame.Context.Parent, frame)
                : new TemplateContext(template, EmptyContext, null);
            RunTemplate(ctx);
        }
        finally { _depth--; }
    }

    private TemplateModule ImportModule(Expr templateExpr, bool withContext, Frame frame)
    {
        var template = LoadTemplate(Eval(templateExpr, frame), false)!;
        EnterCall();
        try
        {
            return withContext
                ? BuildModule(template, frame.Context.Parent, frame)
                : BuildModule(template, EmptyContext, null);
        }
        finally { _depth--; }
    }

    private void ExecImport(ImportStmt s, Frame frame)
    {
        var module = ImportModule(s.Template, s.WithContext, frame);
        frame.Set(s.Target, module);
        if (frame.IsRoot) frame.Context.Unexport(s.Target);
    }

    private void ExecFromImport(FromImportStmt s, Frame frame)
    {
        var module = ImportModule(s.Template, s.WithContext, frame);
        for (var i = 0; i < s.Names.Length; i++)
        {
            var name = s.Names[i];
            var value = module.TryGetAttribute(name, out var v)
                ? v
                : MakeUndefined(name, $"the template '{module.Name}' (imported on line {s.Line}) does not export the requested name '{name}'");
            frame.Set(s.Aliases[i], value);
            if (frame.IsRoot) frame.Context.Unexport(s.Aliases[i]);
        }
    }

    private void ExecExtends(ExtendsStmt s, Frame frame)
    {
        var ctx = frame.Context;
        if (ctx.ParentTemplate is not null)
            throw new JinjaRuntimeException("extended multiple times", "TemplateRuntimeError");
        var parent = LoadTemplate(Eval(s.Template, frame), false)!;
        ctx.ParentTemplate = parent;
        foreach (var (name, block) in parent.Root.Blocks)
        {
            if (!ctx.Blocks.TryGetValue(name, out var chain)) ctx.Blocks[name] = chain = new();
            chain.Add((block, parent));
        }
        // From here on this template's own output is dropped: the parent renders the page.
        if (ctx.SuppressedOutput is null)
        {
            ctx.SuppressedOutput = _out;
            _out = new StringBuilder();
        }
    }

    private void ExecBlock(BlockStmt s, Frame frame)
    {
        var ctx = frame.Context;
        if (ctx.SuppressedOutput is not null) return;
        RenderBlock(ctx, s.Name, 0, frame, s.Scoped);
    }

    /// <summary>
    /// Renders block <paramref name="name"/> of the chain. Whether it sees the caller's locals is decided where
    /// it is called (<c>{% block x scoped %}</c> in the parent), as in Jinja2, not by an overriding block.
    /// </summary>
    private void RenderBlock(TemplateContext ctx, string name, int index, Frame frame, bool scoped)
    {
        if (!ctx.Blocks.TryGetValue(name, out var chain) || index >= chain.Count)
            throw new JinjaRuntimeException($"Required block '{name}' not found", "TemplateRuntimeError");
        var (block, owner) = chain[index];
        if (block.Required)
            throw new JinjaRuntimeException($"Required block '{name}' not found", "TemplateRuntimeError");
        var parent = scoped ? frame : ctx.RootFor(owner);
        var blockFrame = new Frame(parent, ctx, owner);
        blockFrame.Set("super", index + 1 < chain.Count
            ? new BlockReference(this, ctx, name, index + 1, frame, scoped)
            : MakeUndefined("super", $"there is no parent block called '{name}'."));
        Exec(block.Body, blockFrame);
    }

    internal object RenderBlockToString(TemplateContext ctx, string name, int index, Frame frame, bool scoped)
    {
        var saved = _out;
        _out = new StringBuilder();
        try
        {
            RenderBlock(ctx, name, index, frame, scoped);
            return Captured(_out.ToString());
        }
        finally { _out = saved; }
    }
}
