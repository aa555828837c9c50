#!/usr/bin/env python3
"""Writes a synthetic dbt project for the engine benchmarks: N models in 4 layers, 1-5 refs each,
generic tests in properties YAML and a few macros, reproducible from a seed.

    python3 bench/engine/generate_project.py --models 10000 --out /tmp/synth10k
"""
import argparse, os, random, textwrap

LAYERS = ["staging", "intermediate", "marts_core", "marts_reporting"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", type=int, default=1000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--seed-rows", type=int, default=0,
                    help="also write seeds/events.csv and seeds/accounts.csv with this many rows, loaded into <schema>_raw, "
                         "so that `slipway seed` then `slipway run` builds every model on real data")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    out = a.out
    n = a.models
    per_layer = [n // 4] * 4
    per_layer[0] += n - sum(per_layer)

    write(f"{out}/dbt_project.yml", textwrap.dedent(f"""\
        name: synth
        version: '1.0.0'
        profile: synth
        model-paths: ["models"]
        macro-paths: ["macros"]
        vars:
          start_date: '2024-01-01'
        models:
          synth:
            +materialized: view
            marts_core:
              +materialized: table
              +tags: ['core']
            marts_reporting:
              +schema: reporting
        """) + ("seeds:\n  synth:\n    +schema: raw\n" if a.seed_rows else ""))
    if a.seed_rows:
        for table in ("events", "accounts"):
            rows = ["id,amount_cents,created_at"]
            for i in range(1, a.seed_rows + 1):
                rows.append(f"{i},{rnd.randint(0, 100000)},2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}")
            write(f"{out}/seeds/{table}.csv", "\n".join(rows) + "\n")
    write(f"{out}/profiles.yml", textwrap.dedent("""\
        synth:
          target: dev
          outputs:
            dev:
              type: duckdb
              path: synth.duckdb
              threads: 2
        """))
    write(f"{out}/macros/money.sql", textwrap.dedent("""\
        {% macro cents_to_dollars(col, scale=2) -%}
            round(cast({{ col }} as double) / 100, {{ scale }})
        {%- endmacro %}

        {% macro safe_divide(a, b) -%}
            case when {{ b }} = 0 then null else {{ a }} / {{ b }} end
        {%- endmacro %}
        """))
    write(f"{out}/macros/columns.sql", textwrap.dedent("""\
        {% macro select_columns(cols, prefix='') -%}
            {%- for c in cols %}
            {{ prefix }}{{ c }}{{ ',' if not loop.last }}
            {%- endfor %}
        {%- endmacro %}
        """))
    write(f"{out}/models/staging/_sources.yml", textwrap.dedent("""\
        version: 2
        sources:
          - name: raw
            schema: RAW_SCHEMA
            tables:
              - name: events
              - name: accounts
        """).replace("RAW_SCHEMA", '"{{ target.schema }}_raw"' if a.seed_rows else "raw"))

    names = []
    for li, layer in enumerate(LAYERS):
        layer_names = []
        yml = ["version: 2", "models:"]
        for i in range(per_layer[li]):
            name = f"{layer[:3]}_{li}_{i:05d}"
            folder = f"{out}/models/{layer}/group_{i // 100:03d}"
            if li == 0:
                body = textwrap.dedent(f"""\
                    {{{{ config(tags=['layer{li}']) }}}}
                    select
                        id,
                        {{{{ cents_to_dollars('amount_cents') }}}} as amount,
                        created_at
                    from {{{{ source('raw', '{rnd.choice(['events', 'accounts'])}') }}}}
                    where created_at >= '{{{{ var("start_date") }}}}'
                    """)
            else:
                pool = names[-1] if names[-1] else names[0]
                k = rnd.randint(1, min(5, len(pool)))
                parents = rnd.sample(pool, k)
                ctes = ",\n".join(f"    p{j} as (select * from {{{{ ref('{p}') }}}})" for j, p in enumerate(parents))
                joins = "\n".join(f"left join p{j} using (id)" for j in range(1, len(parents)))
                body = (f"with\n{ctes}\nselect\n    p0.id,\n    {{{{ safe_divide('p0.amount', '1') }}}} as amount,\n"
                        f"    {{{{ select_columns(['created_at'], 'p0.') }}}}\nfrom p0\n{joins}\n")
            write(f"{folder}/{name}.sql", body)
            layer_names.append(name)
            yml += [f"  - name: {name}", "    description: synthetic model", "    columns:",
                    "      - name: id", "        data_tests:", "          - not_null"]
            if i % 3 == 0:
                yml.append("          - unique")
        write(f"{out}/models/{layer}/_{layer}.yml", "\n".join(yml) + "\n")
        names.append(layer_names)
    print(f"wrote {n} models to {out}")


if __name__ == "__main__":
    main()
