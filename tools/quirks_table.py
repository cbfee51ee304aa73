#!/usr/bin/env python3
"""Rewrites the quirks table in README.md from include/alicert/quirks.h.

The header is the single source: each enumerator's `///<` comment becomes
the table's description. tests/common/names_test.cpp fails when the README
lacks a quirk, so run this after adding one.
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
header = (root / "include/alicert/quirks.h").read_text()
body = header[header.index("enum class quirk"):]
body = body[: body.index("};")]
rows = re.findall(r"^\s+([a-z0-9_]+),\s*///<\s*(.*)$", body, re.M)
table = ["| quirk | what was tolerated |", "|---|---|"]
table += [f"| `{name}` | {text.strip()} |" for name, text in rows]
table = "\n".join(table)

readme_path = root / "README.md"
readme = readme_path.read_text()
begin, end = "<!-- quirks:begin -->", "<!-- quirks:end -->"
if begin in readme:
    head, rest = readme.split(begin, 1)
    _, tail = rest.split(end, 1)
    readme = f"{head}{begin}\n{table}\n{end}{tail}"
else:
    readme = readme.replace("QUIRKS_TABLE", f"{begin}\n{table}\n{end}")
readme_path.write_text(readme)
print(f"{len(rows)} quirks")
