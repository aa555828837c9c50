namespace Slipway.Engine.Tests.UnitTests;

/// <summary>
/// The fixture project of the unit-test tests: a marina's seeds (berths, bookings, payments as a source), a
/// staging view, a revenue table and a report on it, a model using vars/env vars/a macro, and an incremental
/// log — each with unit tests in every fixture format (dict, inline csv, csv and sql fixture files, sql).
/// Expected rows are worked out by hand from the SQL and dbt's documented unit-test semantics.
/// </summary>
internal static class MarinaProject
{
    public static Dictionary<string, string> Files() => new()
    {
        ["seeds/raw_berths.csv"] = "berth_id,harbor,length_m\n1,north,12\n2,south,9\n3,south,15\n",
        ["seeds/raw_bookings.csv"] = "booking_id,berth_id,boat_name,nights,rate,booked_at\n1,1,Osprey,3,20,2024-05-01\n2,2,Petrel,1,35,2024-05-02\n3,3,Tern,2,40,2024-05-03\n",
        ["seeds/raw_payments.csv"] = "booking_id,paid_amount\n1,60\n2,10\n",
        ["macros/harbor_fee.sql"] = "{% macro harbor_fee() %}5{% endmacro %}\n",
        ["models/sources.yml"] = """
            version: 2
            sources:
              - name: raw
                schema: "{{ target.schema }}"
                tables:
                  - name: raw_payments
            """,
        ["models/stg_bookings.sql"] = """
            select booking_id, berth_id, lower(boat_name) as boat_name, nights, rate, nights * rate as amount, booked_at
            from {{ ref('raw_bookings') }}
            """,
        ["models/berth_revenue.sql"] = """
            {{ config(materialized='table') }}
            select r.harbor, count(*) as bookings, sum(b.amount) as revenue
            from {{ ref('stg_bookings') }} b
            join {{ ref('raw_berths') }} r on r.berth_id = b.berth_id
            group by r.harbor
            """,
        ["models/harbor_report.sql"] = "select harbor, revenue from {{ ref('berth_revenue') }}\n",
        ["models/paid_bookings.sql"] = """
            select b.booking_id, p.paid_amount,
                   '{{ var("currency", "EUR") }}' as currency,
                   '{{ env_var("UT_MARINA", "north") }}' as marina,
                   {{ harbor_fee() }} as fee,
                   {{ fixture.harbor_fee() }} + 1 as fee_plus_one
            from {{ ref('stg_bookings') }} b
            join {{ source('raw', 'raw_payments') }} p on p.booking_id = b.booking_id
            where p.paid_amount >= {{ var('min_paid', 0) }}
            """,
        ["models/booking_log.sql"] = """
            {{ config(materialized='incremental', unique_key='booking_id') }}
            select booking_id, boat_name, amount
            from {{ ref('stg_bookings') }}
            {% if is_incremental() %}
            where booking_id > (select max(booking_id) from {{ this }})
            {% endif %}
            """,
        ["tests/fixtures/two_harbors.csv"] = "berth_id,harbor,length_m\n1,north,12\n2,south,9\n",
        ["tests/fixtures/three_bookings.sql"] = """
            select 10 as booking_id, 1 as berth_id, 'a' as boat_name, 1 as nights, 100 as rate, 100 as amount, null as booked_at
            union all select 11, 2, 'b', 1, 50, 50, null
            union all select 12, 2, 'c', 2, 25, 50, null
            """,
        ["models/unit_tests.yml"] = """
            version: 2
            unit_tests:
              - name: amount_is_nights_times_rate
                description: Rows leave out columns; those are null of the seed's type.
                model: stg_bookings
                given:
                  - input: ref('raw_bookings')
                    rows:
                      - {booking_id: 1, boat_name: Osprey, nights: 3, rate: 20}
                      - {booking_id: 2, boat_name: Petrel, nights: 1, rate: 35}
                expect:
                  rows:
                    - {booking_id: 1, amount: 60}
                    - {booking_id: 2, amount: 35}
              - name: boat_names_are_lower_case
                model: stg_bookings
                config:
                  tags: [naming]
                given:
                  - input: ref('raw_bookings')
                    format: csv
                    rows: |
                      booking_id,boat_name,booked_at
                      1,OSPREY,2024-05-01
                      2,Tern,
                expect:
                  format: csv
                  rows: |
                    booking_id,boat_name,booked_at
                    1,osprey,2024-05-01
                    2,tern,
              - name: disabled_expectation
                model: stg_bookings
                config:
                  enabled: false
                given:
                  - input: ref('raw_bookings')
                    rows: []
                expect:
                  rows:
                    - {booking_id: 99}
              - name: revenue_per_harbor
                model: berth_revenue
                given:
                  - input: ref('raw_berths')
                    format: csv
                    fixture: two_harbors
                  - input: ref('stg_bookings')
                    format: sql
                    fixture: three_bookings
                expect:
                  rows:
                    - {harbor: north, bookings: 1, revenue: 100}
                    - {harbor: south, bookings: 2, revenue: 100}
              - name: revenue_expect_sql
                model: berth_revenue
                given:
                  - input: ref('raw_berths')
                    rows:
                      - {berth_id: 1, harbor: north}
                  - input: ref('stg_bookings')
                    format: csv
                    rows: |
                      booking_id,berth_id,amount
                      10,1,70
                      11,1,30
                expect:
                  format: sql
                  rows: |
                    select 'north' as harbor, 2 as bookings, 100 as revenue
              - name: overrides_change_vars_env_and_macros
                model: paid_bookings
                overrides:
                  vars: {currency: NOK, min_paid: 50}
                  env_vars: {UT_MARINA: south}
                  macros: {harbor_fee: 12, fixture.harbor_fee: 20}
                given:
                  - input: ref('stg_bookings')
                    rows: [{booking_id: 1}, {booking_id: 2}]
                  - input: source('raw', 'raw_payments')
                    rows:
                      - {booking_id: 1, paid_amount: 60}
                      - {booking_id: 2, paid_amount: 10}
                expect:
                  rows:
                    - {booking_id: 1, paid_amount: 60, currency: NOK, marina: south, fee: 12, fee_plus_one: 21}
              - name: incremental_adds_only_new_bookings
                model: booking_log
                overrides:
                  macros: {is_incremental: true}
                given:
                  - input: ref('stg_bookings')
                    rows:
                      - {booking_id: 1, boat_name: a, amount: 10}
                      - {booking_id: 2, boat_name: b, amount: 20}
                      - {booking_id: 3, boat_name: c, amount: 30}
                  - input: this
                    rows:
                      - {booking_id: 2, boat_name: b, amount: 20}
                expect:
                  rows:
                    - {booking_id: 3, boat_name: c, amount: 30}
              - name: full_refresh_takes_all_bookings
                model: booking_log
                overrides:
                  macros: {is_incremental: false}
                given:
                  - input: ref('stg_bookings')
                    rows:
                      - {booking_id: 1, boat_name: a, amount: 10}
                      - {booking_id: 2, boat_name: b, amount: 20}
                expect:
                  rows:
                    - {booking_id: 2, boat_name: b, amount: 20}
                    - {booking_id: 1, boat_name: a, amount: 10}
            """,
    };

    /// <summary>A unit test whose expectation is wrong: south's one booking is 30, not 40.</summary>
    public const string FailingUnitTest = """
        version: 2
        unit_tests:
          - name: revenue_wrong_expectation
            model: berth_revenue
            given:
              - input: ref('raw_berths')
                rows:
                  - {berth_id: 1, harbor: north}
                  - {berth_id: 2, harbor: south}
              - input: ref('stg_bookings')
                rows:
                  - {booking_id: 10, berth_id: 1, amount: 100}
                  - {booking_id: 11, berth_id: 1, amount: 50}
                  - {booking_id: 12, berth_id: 2, amount: 30}
            expect:
              rows:
                - {harbor: north, revenue: 150}
                - {harbor: south, revenue: 40}
        """;
}
