#!/usr/bin/env python3
"""Writes the expected output of every conformance fixture by rendering it with Python's Jinja2 (the reference).

    python3 tools/jinja-reference/generate.py            # re-accept all expected outputs
    python3 tools/jinja-reference/generate.py --check    # only report fixtures whose expected file is stale
    python3 tools/jinja-reference/generate.py filters/   # limit to paths containing this text
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                      "tests", "Slipway.Jinja.Tests", "Conformance", "corpus")


def fixtures(root, needle):
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if name.endswith(".jinja"):
                path = os.path.join(folder, name)
                if needle in os.path.relpath(path, root):
                    yield path


def main(argv):
    check = "--check" in argv
    needles = [a for a in argv if not a.startswith("--")] or [""]
    root = os.path.normpath(CORPUS)
    written = stale = total = 0
    for needle in needles:
        for path in fixtures(root, needle):
            total += 1
            with open(path, encoding="utf-8", newline="") as f:
                context, template = reference.split_fixture(f.read())
            expected = reference.format_expected(reference.render(template, context))
            target = path[: -len(".jinja")] + ".expected"
            current = None
            if os.path.exists(target):
                with open(target, encoding="utf-8", newline="") as f:
                    current = f.read()
            if current == expected:
                continue
            stale += 1
            if check:
                print("stale:", os.path.relpath(target, root))
            else:
                with open(target, "w", encoding="utf-8", newline="") as f:
                    f.write(expected)
                written += 1
    version_file = os.path.join(root, "JINJA2_VERSION")
    if not check and needles == [""]:
        with open(version_file, "w", encoding="utf-8") as f:
            f.write(reference.jinja2.__version__ + "\n")
    elif os.path.exists(version_file):
        with open(version_file, encoding="utf-8") as f:
            made_with = f.read().strip()
        if made_with != reference.jinja2.__version__:
            print(f"note: the corpus was made with Jinja2 {made_with}, this is {reference.jinja2.__version__}")
    print(f"{total} fixtures, {stale} changed" + ("" if check else f", {written} written"))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
