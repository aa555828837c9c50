using System.Globalization;

namespace Slipway.Jinja.Tests.Differential;

internal sealed partial class TemplateGenerator
{
    private static readonly string[] StrLiterals = ["'a'", "'b c'", "''", "'Hello'", "\"it's\"", "'x_y'", "'  pad '", "'ABC'"];
    private static readonly string[] FloatLiterals = ["1.5", "0.25", "2.0", "-3.75", "0.1", "10.0", "1e3"];

    /// <summary>An expression of the given type; depth bounds nesting so templates stay small.</summary>
    private string Expr(Kind kind, int depth)
    {
        // Now and then a value of the wrong type, so errors (TypeError, UndefinedError) are compared too.
        if (kind == Kind.Any || Chance(2)) kind = Pick(Kind.Int, Kind.Float, Kind.Str, Kind.Bool, Kind.IntList, Kind.StrList, Kind.Dict);
        var leaf = depth >= 3 || Chance(35);
        if (leaf || Chance(10))
        {
            var variable = Chance(45) ? Visible().Where(v => v.Kind == kind).Select(v => v.Name).DefaultIfEmpty().ToArray() : [null];
            var name = variable[random.Next(variable.Length)];
            if (name is not null) return name;
            if (leaf) return Literal(kind);
        }
        var d = depth + 1;
        return kind switch
        {
            Kind.Int => IntExpr(d),
            Kind.Float => FloatExpr(d),
            Kind.Str => StrExpr(d),
            Kind.Bool => BoolExpr(d),
            Kind.IntList => IntListExpr(d),
            Kind.Dict => DictExpr(d),
            _ => StrListExpr(d),
        };
    }

    /// <summary>An operand of a filter, test, method or subscript: parenthesised unless it is a name or literal,
    /// so `a + b|length` never changes what the generator meant.</summary>
    private string Atom(Kind kind, int depth)
    {
        var e = Expr(kind, depth);
        return e.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '.' or '\'' or '"') && !e.StartsWith('-') ? e : "(" + e + ")";
    }

    private string Literal(Kind kind) => kind switch
    {
        Kind.Int => random.Next(-5, 21).ToString(CultureInfo.InvariantCulture),
        Kind.Float => Pick(FloatLiterals),
        Kind.Str => Pick(StrLiterals),
        Kind.Bool => Pick("true", "false", "True", "false"),
        Kind.IntList => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Literal(Kind.Int))) + "]",
        Kind.Dict => "{" + string.Join(", ", Enumerable.Range(0, random.Next(0, 3)).Select(i => $"'k{i}': {Literal(Pick(Kind.Int, Kind.Str, Kind.Float))}")) + "}",
        _ => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Literal(Kind.Str))) + "]",
    };

    private string NonZero() => Pick("1", "2", "3", "-2", "7");

    private string IntExpr(int d) => random.Next(16) switch
    {
        0 => $"{Expr(Kind.Int, d)} + {Expr(Kind.Int, d)}",
        1 => $"({Expr(Kind.Int, d)} - {Expr(Kind.Int, d)})",
        2 => $"{Atom(Kind.Int, d)} * {Expr(Kind.Int, d)}",
        3 => $"{Expr(Kind.Int, d)} // {NonZero()}",
        4 => $"{Expr(Kind.Int, d)} % {NonZero()}",
        5 => $"{random.Next(-3, 5)} ** {random.Next(0, 4)}",
        6 => $"-{Atom(Kind.Int, d)}",
        7 => $"{Atom(Kind.IntList, d)}|length",
        8 => $"{Atom(Kind.Str, d)}|length",
        9 => $"{Atom(Kind.IntList, d)}|sum",
        10 => $"({Expr(Kind.Int, d)} if {Expr(Kind.Bool, d)} else {Expr(Kind.Int, d)})",
        11 => $"{Atom(Kind.Int, d)}|abs",
        12 => $"{Pick("'12'", "'-3'", "'x'", "' 7 '", "'4.5'")}|int",
        13 => $"{Atom(Kind.Float, d)}|int",
        14 => MaxOrZero(d),
        _ => $"users[{random.Next(0, 2)}].age",
    };

    private string MaxOrZero(int d)
    {
        var list = Atom(Kind.IntList, d);
        return $"({list}|max if {list} else 0)";
    }

    private string DictExpr(int d) => random.Next(5) switch
    {
        0 => $"dict(a={Expr(Kind.Int, d)}, b={Expr(Kind.Str, d)})",
        1 => $"{{'n': {Expr(Kind.Float, d)}, 'l': {Expr(Kind.IntList, d)}}}",
        2 => "d",
        3 => $"{{{Expr(Kind.Str, d)}: {Expr(Kind.Int, d)}}}",
        _ => "users[0]",
    };

    private string FloatExpr(int d) => random.Next(9) switch
    {
        7 => $"{Atom(Kind.IntList, d)}|sum / {NonZero()}",
        8 => $"{Pick("'1.5'", "'2e-3'", "'x'", "'-0.0'")}|float",
        0 => $"{Expr(Kind.Int, d)} / {NonZero()}",
        1 => $"{Atom(Kind.Float, d)} * {Expr(Kind.Int, d)}",
        2 => $"{Atom(Kind.Float, d)}|round({random.Next(0, 3)})",
        3 => $"{Expr(Kind.Float, d)} + {Expr(Kind.Float, d)}",
        4 => $"{Atom(Kind.Int, d)}|float",
        5 => $"({Expr(Kind.Float, d)} - {Expr(Kind.Int, d)})",
        _ => "c",
    };

    private string StrExpr(int d) => random.Next(24) switch
    {
        18 => $"{Atom(Kind.Dict, d)}|dictsort|string",
        19 => $"'%.2f|%5d|%-4s|'|format({Expr(Kind.Float, d)}, {Expr(Kind.Int, d)}, {Expr(Kind.Str, d)})",
        20 => $"'{{}}-{{:>4}}'.format({Expr(Kind.Any, d)}, {Expr(Kind.Int, d)})",
        21 => $"{Atom(Kind.Dict, d)}|tojson",
        22 => $"{Atom(Kind.IntList, d)}|batch(2)|list|string",
        23 => $"({Expr(Kind.Str, d)} if {Expr(Kind.Bool, d)})",
        0 => $"{Expr(Kind.Str, d)} ~ {Atom(Kind.Any, d)}",
        1 => $"{Atom(Kind.Str, d)}|upper",
        2 => $"{Atom(Kind.Str, d)}|lower",
        3 => $"{Atom(Kind.Str, d)}|title",
        4 => $"{Atom(Kind.Str, d)}|replace({Pick("'a'", "'l'", "' '")}, {Pick("'_'", "''", "'AA'")})",
        5 => $"{Atom(Kind.Str, d)}|trim",
        6 => $"{Atom(Kind.Str, d)}[{Pick("1:", ":2", "::-1", "-1", "0", "1:-1")}]",
        7 => $"{Atom(Kind.IntList, d)}|join({Pick("','", "', '", "''")})",
        8 => $"{Atom(Kind.StrList, d)}|join({Pick("','", "' | '", "''")})",
        9 => $"{Atom(Kind.Any, d)}|string",
        10 => $"{Atom(Kind.Str, d)} * {random.Next(0, 4)}",
        11 => $"{Atom(Kind.Str, d)}.{Pick("upper()", "lower()", "strip()", "capitalize()", "title()")}",
        12 => $"'%s-%s'|format({Expr(Kind.Any, d)}, {Expr(Kind.Any, d)})",
        13 => $"({Expr(Kind.Str, d)} if {Expr(Kind.Bool, d)} else {Expr(Kind.Str, d)})",
        14 => $"d.{Pick("m", "missing")}|default({Expr(Kind.Str, d)})",
        15 => $"{Atom(Kind.Str, d)}|{Pick("capitalize", "center(9)", "indent(2)", "truncate(5)", "reverse", "wordcount|string", "e")}",
        16 => $"users[{random.Next(-2, 2)}].name",
        _ => $"{Atom(Kind.Any, d)}|tojson",
    };

    private string BoolExpr(int d) => random.Next(18) switch
    {
        15 => $"{Expr(Kind.Int, d)} < {Expr(Kind.Int, d)} <= {Expr(Kind.Int, d)}",
        16 => $"{Expr(Kind.Str, d)} in {Atom(Kind.Dict, d)}",
        17 => $"{Atom(Kind.Dict, d)} == {Atom(Kind.Dict, d)}",
        0 => $"{Expr(Kind.Int, d)} {Pick("<", "<=", ">", ">=", "==", "!=")} {Expr(Kind.Int, d)}",
        1 => $"{Expr(Kind.Float, d)} {Pick("<", ">", "==")} {Expr(Kind.Int, d)}",
        2 => $"{Expr(Kind.Str, d)} {Pick("==", "!=", "<", ">=")} {Expr(Kind.Str, d)}",
        3 => $"{Atom(Kind.Any, d)} is {Pick("defined", "undefined", "none", "number", "string", "sequence", "mapping", "iterable")}",
        4 => $"{Atom(Kind.Int, d)} is {Pick("odd", "even", "divisibleby 3", "divisibleby(2)")}",
        5 => $"{Expr(Kind.Str, d)} {Pick("in", "not in")} {Expr(Kind.Str, d)}",
        6 => $"{Expr(Kind.Int, d)} {Pick("in", "not in")} {Expr(Kind.IntList, d)}",
        7 => $"not {Expr(Kind.Bool, d)}",
        8 => $"({Expr(Kind.Bool, d)} and {Expr(Kind.Bool, d)})",
        9 => $"({Expr(Kind.Bool, d)} or {Expr(Kind.Bool, d)})",
        10 => $"{Pick("missing", "undefined_name", "d.missing")} is defined",
        11 => $"{Atom(Kind.IntList, d)}|length > {random.Next(0, 3)}",
        12 => $"{Atom(Kind.Str, d)}.startswith({Pick("'a'", "'H'", "''")})",
        13 => $"{Pick("xs", "ys", "ws", "s", "''", "0", "none", "d")} and true",
        _ => "flag",
    };

    private string IntListExpr(int d) => random.Next(14) switch
    {
        11 => $"{Atom(Kind.IntList, d)}|slice(2)|map('sum')|list",
        12 => $"range({random.Next(-3, 4)}, {random.Next(-3, 12)}, {Pick("1", "2", "-1", "3")})|list",
        13 => $"{Atom(Kind.Dict, d)}|map('length')|list",
        0 => $"{Atom(Kind.IntList, d)}|sort",
        1 => $"{Atom(Kind.IntList, d)}|reverse|list",
        2 => $"{Expr(Kind.IntList, d)} + {Expr(Kind.IntList, d)}",
        3 => $"range({random.Next(-1, 5)})|list",
        4 => $"{Atom(Kind.IntList, d)}|unique|list",
        5 => $"{Atom(Kind.IntList, d)}[{Pick("1:", ":2", "::-1", "::2")}]",
        6 => $"{Atom(Kind.IntList, d)}|select('odd')|list",
        7 => $"{Atom(Kind.IntList, d)}|map('abs')|list",
        8 => $"{Atom(Kind.IntList, d)}|sort(reverse=true)",
        9 => $"users|map(attribute='age')|list",
        _ => $"[{Expr(Kind.Int, d)}, {Expr(Kind.Int, d)}]",
    };

    private string StrListExpr(int d) => random.Next(6) switch
    {
        0 => $"{Atom(Kind.Str, d)}.split({Pick("' '", "'b'", "','")})",
        1 => $"{Atom(Kind.IntList, d)}|map('string')|list",
        2 => $"{Atom(Kind.StrList, d)}|map('upper')|list",
        3 => $"{Atom(Kind.StrList, d)}|sort",
        4 => "users|map(attribute='name')|list",
        _ => $"[{Expr(Kind.Str, d)}, {Expr(Kind.Str, d)}]",
    };
}
