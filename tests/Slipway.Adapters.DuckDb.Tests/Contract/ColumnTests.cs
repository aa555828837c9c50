using Slipway.Adapters.Columns;
using Slipway.Jinja;

namespace Slipway.Adapters.DuckDb.Tests.Contract;

public class ColumnTests
{
    [Theory]
    [InlineData("character varying", true, false, false, false)]
    [InlineData("text", true, false, false, false)]
    [InlineData("integer", false, true, false, false)]
    [InlineData("bigint", false, true, false, false)]
    [InlineData("double precision", false, false, true, false)]
    [InlineData("float8", false, false, true, false)]
    [InlineData("numeric", false, false, false, true)]
    [InlineData("DECIMAL(18,3)", false, false, false, true)]
    [InlineData("timestamp", false, false, false, false)]
    public void Classifies_types_like_dbt(string dtype, bool isString, bool isInteger, bool isFloat, bool isNumeric)
    {
        var c = new Column("c", dtype);
        Assert.Equal(isString, c.IsString);
        Assert.Equal(isInteger, c.IsInteger);
        Assert.Equal(isFloat, c.IsFloat);
        Assert.Equal(isNumeric, c.IsNumeric);
        Assert.Equal(isInteger || isFloat || isNumeric, c.IsNumber);
    }

    [Fact]
    public void Data_type_reattaches_sizes()
    {
        Assert.Equal("character varying(20)", new Column("c", "character varying", charSize: 20).DataType);
        Assert.Equal("numeric(10,2)", new Column("c", "numeric", numericPrecision: 10, numericScale: 2).DataType);
        Assert.Equal("integer", new Column("c", "integer").DataType);
    }

    [Fact]
    public void String_size_defaults_to_256_and_fails_on_non_strings()
    {
        Assert.Equal(256, new Column("c", "text").StringSize);
        Assert.Equal(5, new Column("c", "varchar", charSize: 5).StringSize);
        Assert.Throws<InvalidOperationException>(() => new Column("c", "integer").StringSize);
    }

    [Fact]
    public void Templates_see_name_quoted_and_type_tests()
    {
        var text = new JinjaEnvironment().FromString("{{ c.name }} {{ c.quoted }} {{ c.dtype }} {{ c.is_number() }} {{ c.is_string() }}")
            .Render(new Dictionary<string, object?> { ["c"] = new Column("Order Id", "INTEGER") });
        Assert.Equal("Order Id \"Order Id\" INTEGER True False", text);
    }
}
