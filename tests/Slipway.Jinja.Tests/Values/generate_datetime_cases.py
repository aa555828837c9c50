"""Generates DatetimeCases.tsv: templates using dbt's modules.datetime and modules.re, rendered by Jinja2 3.1 (sandboxed) with
Python's datetime module. Each line: template <TAB> expected output (or "!!ExceptionClass: message").
Run: python3 generate_datetime_cases.py > DatetimeCases.tsv
"""
import datetime
import re
import sys
from jinja2.sandbox import SandboxedEnvironment

D = "modules.datetime"
T = [
    "{{ %s.datetime(2024, 1, 2, 3, 4, 5, 600) }}|{{ [%s.datetime(2024, 1, 2)] }}|{{ [%s.datetime(2024, 1, 2, 0, 0, 5)] }}" % (D, D, D),
    "{{ %s.datetime(2024, 1, 2, tzinfo=%s.timezone.utc) }}|{{ [%s.datetime(2024, 1, 2, tzinfo=%s.timezone.utc)] }}" % (D, D, D, D),
    "{{ %s.date(2024, 2, 29) }}|{{ [%s.date(2024, 2, 29)] }}|{{ %s.date(2024, 2, 29).weekday() }}|{{ %s.date(2024, 2, 29).isoweekday() }}" % (D, D, D, D),
    "{{ %s.timedelta(0) }}|{{ [%s.timedelta(0)] }}|{{ %s.timedelta(days=-1, seconds=5) }}|{{ [%s.timedelta(days=-1, seconds=5)] }}" % (D, D, D, D),
    "{{ %s.timedelta(hours=25) }}|{{ [%s.timedelta(hours=25, microseconds=3)] }}|{{ %s.timedelta(days=2, microseconds=5) }}|{{ %s.timedelta(minutes=1.5) }}|{{ %s.timedelta(weeks=1).days }}" % (D, D, D, D, D),
    "{{ %s.timedelta(hours=36).total_seconds() }}|{{ %s.timedelta(hours=36).seconds }}|{{ -%s.timedelta(hours=1) }}|{{ %s.timedelta(hours=1) * 3 }}|{{ %s.timedelta(hours=3) / %s.timedelta(hours=2) }}" % (D, D, D, D, D, D),
    "{% set d = " + D + ".datetime(2024, 1, 2, 3, 4, 5, 600) %}{{ d.strftime('%Y-%m-%d %H:%M:%S.%f %a %A %b %B %j %p %I %y %% %U %W %w %u') }}",
    "{% set d = " + D + ".datetime(2023, 12, 31, 23, 59, 59) %}{{ d.strftime('%c|%x|%X|%G-%V|%e|%D|%F|%T') }}|{{ d.isoformat() }}|{{ d.isoformat(' ') }}|{{ d.date() }}",
    "{% set d = " + D + ".datetime(2024, 3, 10, 12, tzinfo=" + D + ".timezone(" + D + ".timedelta(hours=5, minutes=30))) %}{{ d }}|{{ d.strftime('%z %Z') }}|{{ d.tzinfo }}|{{ d.utcoffset() }}|{{ d.astimezone(" + D + ".timezone.utc) }}",
    "{% set a = " + D + ".datetime(2024, 1, 2) %}{% set b = " + D + ".datetime(2023, 12, 31, 20) %}{{ a - b }}|{{ b - a }}|{{ a + " + D + ".timedelta(days=30) }}|{{ a - " + D + ".timedelta(minutes=1) }}|{{ a > b }}|{{ a == b }}|{{ [b, a]|max }}|{{ [a, b]|sort|first }}",
    "{% set a = " + D + ".date(2024, 3, 1) %}{{ a - " + D + ".date(2024, 2, 1) }}|{{ a + " + D + ".timedelta(days=1) }}|{{ a - " + D + ".timedelta(days=1, hours=5) }}|{{ a.replace(day=15) }}|{{ a.strftime('%d/%m/%Y') }}|{{ a.year }}-{{ a.month }}-{{ a.day }}",
    "{{ " + D + ".datetime(2024, 1, 2) < " + D + ".datetime(2024, 1, 2, tzinfo=" + D + ".timezone.utc) }}",
    "{{ " + D + ".datetime(2024, 1, 2) + 1 }}",
    "{{ " + D + ".datetime(2024, 1, 2) < " + D + ".date(2024, 1, 1) }}",
    "{{ " + D + ".datetime(2024, 1, 2) == " + D + ".date(2024, 1, 2) }}|{{ " + D + ".datetime(2024, 1, 2) == " + D + ".datetime(2024, 1, 2, tzinfo=" + D + ".timezone.utc) }}",
    "{{ " + D + ".date(2024, 2, 30) }}",
    "{{ " + D + ".datetime(2024, 13, 1) }}",
    "{{ " + D + ".datetime(2024, 1, 1, 24) }}",
    "{{ " + D + ".datetime.fromisoformat('2024-05-06T07:08:09') }}|{{ " + D + ".datetime.fromisoformat('2024-05-06 07:08:09.123+02:00') }}|{{ " + D + ".date.fromisoformat('2024-05-06') }}",
    "{{ " + D + ".datetime.strptime('2024-05-06 07:08', '%Y-%m-%d %H:%M') }}|{{ " + D + ".datetime.strptime('06/05/24', '%d/%m/%y') }}",
    "{{ " + D + ".datetime.strptime('2024-05', '%Y-%m-%d') }}",
    "{{ " + D + ".datetime(2024, 1, 2).replace(hour=5, minute=6) }}|{{ " + D + ".datetime(2024, 1, 2, 3).timestamp() }}|{{ " + D + ".datetime(2024, 1, 2, tzinfo=" + D + ".timezone.utc).timestamp() }}",
    "{{ " + D + ".datetime(2024, 1, 2, 3, 4, 5).year }}/{{ " + D + ".datetime(2024, 1, 2, 3, 4, 5).hour }}/{{ " + D + ".datetime(2024, 1, 2, 3, 4, 5).second }}/{{ " + D + ".datetime(2024, 1, 2, 3, 4, 5).tzinfo }}",
    "{{ " + D + ".timedelta(days=1) > " + D + ".timedelta(hours=23) }}|{{ " + D + ".timedelta(0) or 'zero' }}|{{ " + D + ".timedelta(seconds=90) // " + D + ".timedelta(minutes=1) }}|{{ " + D + ".timedelta(seconds=7) // 2 }}",
    "{% set m = modules.re.search('(?P<x>a)(b)?', 'zab') %}{{ m }}|{{ m.group(0) }}|{{ m.groups() }}|{{ m.groupdict() }}|{{ m.span() }}|{{ m.start() }}|{{ m.group(2) }}|{{ m.group('x') }}",
    "{{ modules.re.escape('a.b*c d-e_f#g') }}|{{ modules.re.findall('(a)(b)', 'abab') }}|{{ modules.re.findall('a', 'aa') }}|{{ modules.re.split('(,)', 'a,b') }}|{{ modules.re.sub('(a)', '<\\1\\g<1>>', 'bab') }}",
    "{{ modules.re.compile('a\\d', modules.re.I) }}|{{ modules.re.compile('x') }}|{{ modules.re.I }}|{{ modules.re.match('a', 'ba') }}|{{ modules.re.fullmatch('a+', 'aa') }}|{{ modules.re.subn('a', 'b', 'aaa') }}",
    "{{ modules.re.match('^(\\w+)_(\\d+)$', 'model_42').group(2) }}|{{ modules.re.sub('[^a-z0-9]+', '_', 'My Model-Name 2'.lower()) }}|{{ modules.re.split('\\s*,\\s*', 'a , b,c') }}|{{ modules.re.search('X', 'abc') is none }}",
    "{{ modules.re.sub('A', 'b', 'aAa', flags=modules.re.IGNORECASE) }}|{{ modules.re.sub('a', 'b', 'aaaa', 2) }}|{{ modules.re.findall('^x', 'x\\nx', modules.re.M) }}|{{ modules.re.compile('(?P<n>\\d+)').match('12ab').group('n') }}",
    "{% if modules.re.match('^stg_', 'stg_orders') %}staging{% endif %}|{{ modules.re.compile('b').search('abc').end() }}|{{ modules.re.split(',', 'a,b,c', 1) }}|{{ modules.re.sub('(?P<w>\\w+)@', '\\g<w> at ', 'me@x') }}",
    "{{ " + D + ".datetime }}|{{ " + D + ".timezone.utc }}|{{ [" + D + ".timezone.utc] }}|{{ " + D + ".MINYEAR }}",
]


def enc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


env = SandboxedEnvironment()
for template in T:
    try:
        out = env.from_string(template).render(modules={"datetime": datetime, "re": re})
    except Exception as ex:
        out = "!!%s: %s" % (type(ex).__name__, ex)
    sys.stdout.write(enc(template) + "\t" + enc(out) + "\n")
