using Slipway.Engine.Compilation;
using Slipway.Engine.Parsing;
using Slipway.Engine.Tests.Parsing;

namespace Slipway.Engine.Tests.Compilation;

/// <summary>
/// The static fast path must produce exactly what the Jinja engine produces: each template is compiled once as
/// is (static) and once with a leading no-op <c>{% if true %}{% endif %}</c> that forces the Jinja path.
/// </summary>
public sealed class StaticPathTests
{
    [Theory]
    [InlineData("select * from {{ ref('a') }}\n")]
    [InlineData("select * from {{ ref('a') }}\n\n")]
    [InlineData("select * from {{- ref('a') -}}  \n  where 1 = 1")]
    [InlineData("{# note #}select * from {{ source('s', 't') }} -- {{ ref(\"a\") }}\r\n")]
    [InlineData("{{ config(materialized='table', tags=['x', 'y'], meta={'k': 1}) }}\n\nselect 1 from {{ ref('shop', 'a') }}")]
    [InlineData("{{config(alias='b')}}select {{ ref('a') }}.id, '}}' as brace")]
    public void Static_and_jinja_paths_agree(string sql)
    {
        Assert.NotNull(StaticTemplate.TryParse(sql));
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: shop\nprofile: shop\n"),
            ("models/a.sql", "select 1 as id"),
            ("models/sources.yml", "version: 2\nsources:\n  - name: s\n    tables:\n      - name: t\n"),
            ("models/fast.sql", sql),
            ("models/slow.sql", "{% if true %}{% endif %}" + sql));
        var m = parse.Manifest;
        new Compiler(parse).Compile([m.Nodes["model.shop.fast"], m.Nodes["model.shop.slow"]]);
        Assert.Equal(m.Nodes["model.shop.slow"].CompiledCode, m.Nodes["model.shop.fast"].CompiledCode);
        Assert.Equal(m.Nodes["model.shop.slow"].Config.Values.Keys, m.Nodes["model.shop.fast"].Config.Values.Keys);
        Assert.Equal(m.Nodes["model.shop.slow"].Config.Alias, m.Nodes["model.shop.fast"].Config.Alias);
    }

    [Theory]
    [InlineData("{% set x = 1 %}select 1")]
    [InlineData("select {{ var('x') }}")]
    [InlineData("select * from {{ ref(name) }}")]
    [InlineData("select * from {{ ref('a') | upper }}")]
    public void Anything_beyond_literal_calls_goes_through_jinja(string sql) => Assert.Null(StaticTemplate.TryParse(sql));
}
