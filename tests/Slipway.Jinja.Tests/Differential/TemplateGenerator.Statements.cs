namespace Slipway.Jinja.Tests.Differential;

internal sealed partial class TemplateGenerator
{
    private static readonly string[] Texts = ["a", " ", "\n", "x y", "  \n  ", ",", "\n\n", "-- sql\n", "\t", "select "];

    private void Statement(int depth)
    {
        var nested = depth < 2;
        switch (random.Next(nested ? 16 : 6))
        {
            case 0 or 1: Emit(Pick(Texts)); break;
            case 2 or 3: Output(); break;
            case 4: Set(); break;
            case 5: Emit("{#" + (Chance(20) ? "-" : "") + " note " + (Chance(20) ? "-" : "") + "#}"); break;
            case 6 or 7: If(depth); break;
            case 8 or 9: For(depth); break;
            case 10 when depth == 0: DefineMacro(depth); break; // macros stay callable after their definition
            case 10: Output(); break;
            case 11: CallMacro(depth); break;
            case 12: NamespaceOrDo(); break;
            case 14: FilterBlockOrRaw(depth); break;
            case 15 when templates.ContainsKey("part.sql"): Emit("{% include 'part.sql' %}"); break;
            case 15: Output(); break;
            default: WithOrSetBlock(depth); break;
        }
        if (InLoop && Chance(4)) Emit(Open(Chance(50) ? "break" : "continue"));
    }

    private void Output()
    {
        var kind = Pick(Kind.Int, Kind.Int, Kind.Float, Kind.Str, Kind.Str, Kind.Bool, Kind.IntList, Kind.StrList, Kind.Any);
        Emit("{{" + (Chance(20) ? "-" : "") + " " + Expr(kind, 0) + " " + (Chance(20) ? "-" : "") + "}}");
    }

    private void Set()
    {
        var kind = Pick(Kind.Int, Kind.Str, Kind.IntList, Kind.Bool, Kind.Float);
        var reused = kind switch { Kind.Int => "a", Kind.Str => "s", Kind.IntList => "xs", _ => null };
        var name = reused is not null && Chance(15) ? reused : NewName("v");
        Emit(Open($"set {name} = {Expr(kind, 0)}"));
        if (name.StartsWith('v')) scopes[^1].Variables.Add(new(name, kind));
    }

    private void If(int depth)
    {
        Emit(Open("if " + Expr(Kind.Bool, 0)));
        Block(depth, new Scope());
        for (var i = random.Next(3); i > 0; i--)
        {
            Emit(Open("elif " + Expr(Kind.Bool, 0)));
            Block(depth, new Scope());
        }
        if (Chance(50))
        {
            Emit(Open("else"));
            Block(depth, new Scope());
        }
        Emit(Open("endif"));
    }

    private void For(int depth)
    {
        var scope = new Scope { InLoop = true };
        var item = NewName("i");
        string head;
        switch (random.Next(5))
        {
            case 0:
                var key = NewName("k");
                head = $"{key}, {item} in d.items()";
                scope.Variables.Add(new(key, Kind.Str));
                scope.Variables.Add(new(item, Kind.Any));
                break;
            case 1:
                head = $"{item} in users";
                scope.Variables.Add(new(item + ".name", Kind.Str));
                scope.Variables.Add(new(item + ".age", Kind.Int));
                break;
            case 2:
                head = $"{item} in {Expr(Kind.StrList, 1)}";
                scope.Variables.Add(new(item, Kind.Str));
                break;
            default:
                head = $"{item} in {Expr(Kind.IntList, 1)}";
                scope.Variables.Add(new(item, Kind.Int));
                break;
        }
        if (Chance(15)) head += " if " + Pick("loop is undefined", "true", "flag");
        scope.Variables.AddRange([new("loop.index", Kind.Int), new("loop.index0", Kind.Int), new("loop.revindex", Kind.Int),
            new("loop.length", Kind.Int), new("loop.first", Kind.Bool), new("loop.last", Kind.Bool)]);
        Emit(Open("for " + head));
        if (Chance(30)) Emit("{{ ',' if not loop.first }}");
        if (Chance(15)) Emit(Pick("{{ loop.cycle('a', 'b', 'c') }}", "{{ loop.revindex0 }}", "{{ loop.previtem }}", "{{ loop.nextitem }}",
            "{{ loop.changed(loop.index // 2) }}", "{{ loop.depth }}"));
        Block(depth, scope);
        if (Chance(25))
        {
            Emit(Open("else"));
            Block(depth, new Scope());
        }
        Emit(Open("endfor"));
    }

    private void DefineMacro(int depth)
    {
        var name = NewName("m");
        var required = random.Next(0, 3);
        var optional = Chance(40);
        var usesCaller = Chance(30);
        var catchesRest = Chance(20);
        var parameters = Enumerable.Range(0, required).Select(i => $"p{i}").ToList();
        if (optional) parameters.Add($"q={Expr(Kind.Int, 2)}");
        var scope = new Scope { InMacro = true };
        for (var i = 0; i < required; i++) scope.Variables.Add(new($"p{i}", Kind.Int));
        if (optional) scope.Variables.Add(new("q", Kind.Int));
        Emit(Open($"macro {name}({string.Join(", ", parameters)})"));
        var callerTakesArgument = usesCaller && Chance(50);
        if (usesCaller) Emit(callerTakesArgument ? "[{{ caller(" + Expr(Kind.Int, 2) + ") }}]" : "[{{ caller() }}]");
        if (catchesRest) Emit("{{ varargs }}{{ kwargs|dictsort }}");
        Block(Math.Max(depth, 1), scope);
        Emit(Open("endmacro"));
        macros.Add(new Macro(name, required, optional, usesCaller, catchesRest, callerTakesArgument));
    }

    private void CallMacro(int depth)
    {
        if (macros.Count == 0)
        {
            Output();
            return;
        }
        var macro = macros[random.Next(macros.Count)];
        var arguments = Enumerable.Range(0, macro.Required).Select(_ => Expr(Kind.Int, 1)).ToList();
        if (macro.CatchesRest && Chance(60)) arguments.Add(Expr(Kind.Int, 2));
        if (macro.Optional && Chance(50)) arguments.Add("q=" + Expr(Kind.Int, 1));
        if (macro.CatchesRest && Chance(60)) arguments.Add("extra=" + Expr(Kind.Str, 2));
        var call = $"{macro.Name}({string.Join(", ", arguments)})";
        if (macro.UsesCaller)
        {
            var parameters = macro.CallerTakesArgument ? Pick("(x) ", "(x=0) ") : Pick(" ", "(x=0) ");
            Emit(Open("call" + parameters + call));
            Block(Math.Max(depth, 1), new Scope { InMacro = true });
            Emit(Open("endcall"));
        }
        else
        {
            Emit("{{ " + call + (Chance(30) ? "|trim" : "") + " }}");
        }
    }

    private void NamespaceOrDo()
    {
        if (Chance(50))
        {
            var ns = NewName("ns");
            Emit(Open($"set {ns} = namespace(n={Expr(Kind.Int, 1)}, items=[])"));
            Emit(Open($"for x in {Expr(Kind.IntList, 1)}"));
            Emit(Open($"set {ns}.n = {ns}.n + x"));
            Emit(Open($"do {ns}.items.append(x * 2)"));
            Emit(Open("endfor"));
            scopes[^1].Variables.AddRange([new($"{ns}.n", Kind.Int), new($"{ns}.items", Kind.IntList)]);
        }
        else
        {
            var list = NewName("acc");
            Emit(Open($"set {list} = []"));
            Emit(Open($"do {list}.append({Expr(Kind.Int, 1)})"));
            if (Chance(50)) Emit(Open($"do {list}.extend({Expr(Kind.IntList, 2)})"));
            scopes[^1].Variables.Add(new(list, Kind.IntList));
        }
    }

    private void FilterBlockOrRaw(int depth)
    {
        if (Chance(25))
        {
            Emit(Open("raw") + Pick("{{ not parsed }}", "{% if %}", " text ", "{# x #}") + Open("endraw"));
            return;
        }
        Emit(Open("filter " + Pick("upper", "trim", "replace('a', 'o') | upper", "title", "indent(2)", "lower | replace(' ', '_')", "center(30)")));
        Block(depth, new Scope());
        Emit(Open("endfilter"));
    }

    private void WithOrSetBlock(int depth)
    {
        if (Chance(50))
        {
            var name = NewName("w");
            var scope = new Scope();
            scope.Variables.Add(new(name, Kind.Str));
            Emit(Open($"with {name} = {Expr(Kind.Str, 1)}"));
            Block(depth, scope);
            Emit(Open("endwith"));
        }
        else
        {
            var name = NewName("blk");
            Emit(Open($"set {name}" + (Chance(30) ? " | upper" : "")));
            Block(depth, new Scope());
            Emit(Open("endset"));
            scopes[^1].Variables.Add(new(name, Kind.Str));
        }
    }
}
