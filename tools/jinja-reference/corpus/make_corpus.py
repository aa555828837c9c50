#!/usr/bin/env python3
"""Writes the generated and hand-written conformance fixtures (then run ../generate.py for expected outputs).
The fixture files are the source of truth once committed; this script shows how they were made and can
re-create them (it overwrites the files it writes, and leaves other fixtures alone)."""
import common
import errors
import expressions
import filters
import inheritance
import macros
import statements
import tests_
import tricky
import dbt_sql
import whitespace

for module in (filters, tests_, expressions, statements, whitespace, macros, errors, inheritance, tricky, dbt_sql):
    module.write()
print(common.count(), "fixtures written under", common.ROOT)
