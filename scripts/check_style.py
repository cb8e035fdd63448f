#!/usr/bin/env python3
"""Checks the conventions of docs/style.md that a formatter cannot:
file names, root-relative includes, namespaces that follow folders, test
suite names, and no test folder including another's files; then that
clang-format (.clang-format) would change nothing.

Usage: scripts/check_style.py [--fix-format]   (exit 1 and a list on problems)
Run by ctest as `style_check`, so CI fails on an unformatted or misnamed file.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(ROOT)

# folder prefix -> the namespace its code lives in (docs/style.md)
NAMESPACES = [
    ("common/", "rollcall::common"),
    ("protocol/", "rollcall::protocol"),
    ("hub/core/", "rollcall::core"),
    ("hub/reports/", "rollcall::reports"),
    ("hub/ctl/", "rollcall::ctl"),
    ("hub/service/", "rollcall::service"),
    ("reader-agent/", "rollcall::agent"),
    ("dashboard/", "rollcall::dashboard"),
    ("hardware/emulator/", "rollcall::emulator"),
    ("tests/support/", "rollcall::test"),
]

problems = []


def tracked():
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], capture_output=True, text=True, check=True)
    return [f for f in out.stdout.split("\n") if f and os.path.exists(f)]


def pascal(stem):
    return "".join(p[:1].upper() + p[1:] for p in stem.split("_"))


files = tracked()
cpp = [f for f in files if f.endswith((".cpp", ".h")) and not f.startswith("build")]

for f in cpp:
    base = os.path.basename(f)
    if not re.fullmatch(r"[a-z0-9_]+\.(cpp|h)", base):
        problems.append(f"{f}: file names are snake_case (docs/style.md, Files)")
    text = open(f, encoding="utf-8").read()
    for n, line in enumerate(text.split("\n"), 1):
        m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
        if not m:
            continue
        inc = m.group(1)
        if inc.endswith(".moc") or inc.startswith("moc_") or inc.endswith(".in"):
            continue
        if not os.path.exists(inc):
            problems.append(f"{f}:{n}: include \"{inc}\" is not a path from the repository root")
        elif f.startswith("tests/") and inc.startswith("tests/"):
            own = "/".join(f.split("/")[:2]) + "/"
            if not (inc.startswith(own) or inc.startswith("tests/support/")):
                problems.append(f"{f}:{n}: a test folder includes only its own files and tests/support/ ({inc})")
    for prefix, ns in NAMESPACES:
        if f.startswith(prefix):
            for m in re.finditer(r"^namespace (rollcall(?:::[a-z_]+)*)", text, re.M):
                if not (m.group(1) == ns or m.group(1).startswith(ns + "::")):
                    problems.append(f"{f}: namespace {m.group(1)} in {prefix} (expected {ns})")
    if f.startswith("tests/") and base.endswith("_test.cpp"):
        subject = pascal(base[: -len("_test.cpp")])
        for m in re.finditer(r"^\s*(?:TEST|TEST_F|TEST_P)\(\s*([A-Za-z0-9_]+)\s*,", text, re.M):
            if not m.group(1).startswith(subject):
                problems.append(f"{f}: suite {m.group(1)} should be named after the subject, {subject}…")

# The library table in docs/architecture.md and the rows the build enforces
# (cmake/RollcallLayers.cmake) must say the same.
doc_rows = {}
for line in open("docs/architecture.md", encoding="utf-8"):
    m = re.match(r"\| `[^`]+/` \| `(rollcall_[a-z_]+)` \|[^|]*\| ([^|]*) \|\s*$", line)
    if m and m.group(1) != "rollcall_test_support":
        uses = m.group(2).strip()
        doc_rows[m.group(1)] = set() if uses in ("—", "-") else {"rollcall_" + u.strip() for u in uses.split(",")}
cmake_rows = {}
for m in re.finditer(r"^rollcall_allow\((rollcall_[a-z_]+)((?: [a-z_]+)*)\)", open("cmake/RollcallLayers.cmake").read(), re.M):
    cmake_rows[m.group(1)] = set(m.group(2).split())
for lib, uses in doc_rows.items():
    if cmake_rows.get(lib) != uses:
        problems.append(f"docs/architecture.md: {lib} may use {sorted(uses)}, cmake/RollcallLayers.cmake says {sorted(cmake_rows.get(lib, []))}")
if not doc_rows:
    problems.append("docs/architecture.md: no library table found")

qml = [f for f in files if f.endswith(".qml")]
for f in qml:
    base = os.path.basename(f)
    if not re.fullmatch(r"(tst_)?[A-Z][A-Za-z0-9]*\.qml", base):
        problems.append(f"{f}: QML files are PascalCase (the type name)")

fix = "--fix-format" in sys.argv
fmt = subprocess.run(["clang-format", "-i" if fix else "--dry-run", "--Werror", *cpp], capture_output=True, text=True)
if not fix and fmt.returncode != 0:
    unformatted = sorted({l.split(":")[0] for l in fmt.stderr.split("\n") if "warning:" in l or "error:" in l})
    for f in unformatted:
        problems.append(f"{f}: not formatted (run scripts/check_style.py --fix-format)")

for p in problems:
    print(p)
print(f"style_check: {len(cpp)} C++ files, {len(qml)} QML files, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
