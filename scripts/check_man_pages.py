#!/usr/bin/env python3
"""Checks the manual pages in man/ against the programs they describe.

Usage: scripts/check_man_pages.py BUILD_DIR   (ctest runs it as `man_pages`)

For each page: every long option the program's --help prints is in the page
(for rollcallctl also every command; pn532-ctl prints its commands in its
usage line), groff reads the page without a warning, and exactly one Debian
package installs it (debian/*.manpages). man/README.md says why the pages are
written by hand; this keeps them from drifting from the programs.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# page -> the program in the build directory
PAGES = {
    "rollcall-hub.8": "hub/rollcall-hub",
    "rollcallctl.1": "hub/rollcallctl",
    "rollcall-agent.8": "reader-agent/rollcall-agent",
    "rollcall-dashboard.1": "dashboard/rollcall-dashboard",
    "pn532-emulator.1": "hardware/pn532-emulator",
    "pn532-ctl.1": "hardware/pn532-ctl",
}


def help_text(program):
    # --help works without a display (the dashboard is a Qt program).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([program, "--help"], capture_output=True, text=True, timeout=60, env=env)
    return run.stdout + run.stderr


def page_text(path):
    # What a reader sees, near enough: \- is a hyphen, font changes are gone.
    text = open(path, encoding="ascii").read()
    return re.sub(r"\\f[BIRP]", "", text.replace("\\-", "-"))


def mentions(text, word):
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text) is not None


def commands(program, help_out):
    """Commands the program takes: rollcallctl's subcommands, pn532-ctl's usage line."""
    if program.endswith("rollcallctl"):
        section = help_out.split("Subcommands:", 1)[1] if "Subcommands:" in help_out else ""
        return re.findall(r"^  ([a-z][a-z-]*)\s", section, re.M)
    m = re.search(r"\(commands: ([^)]*)\)", help_out)
    return [c.strip() for c in m.group(1).split(",")] if m else []


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_man_pages.py BUILD_DIR")
    build = sys.argv[1]
    problems = []
    pages = sorted(os.path.basename(p) for p in glob.glob(os.path.join(ROOT, "man", "*.[1-8]")))
    if pages != sorted(PAGES):
        problems.append(f"man/ holds {pages}, this check knows {sorted(PAGES)}")

    installed = {}
    for listing in glob.glob(os.path.join(ROOT, "debian", "*.manpages")):
        for line in open(listing, encoding="utf-8").read().split():
            installed.setdefault(os.path.basename(line), []).append(os.path.basename(listing))
            if not os.path.exists(os.path.join(ROOT, line)):
                problems.append(f"{os.path.basename(listing)}: {line} does not exist")

    groff = shutil.which("groff")
    for page, binary in PAGES.items():
        path = os.path.join(ROOT, "man", page)
        if not os.path.exists(path):
            continue
        if len(installed.get(page, [])) != 1:
            problems.append(f"man/{page}: installed by {installed.get(page, [])}, not by exactly one debian/*.manpages")
        if groff:
            run = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", path], capture_output=True, text=True)
            if run.stderr.strip():
                problems.append(f"man/{page}: groff warns:\n{run.stderr.strip()}")
        program = os.path.join(build, binary)
        if not os.access(program, os.X_OK):
            problems.append(f"man/{page}: {program} is not built")
            continue
        out = help_text(program)
        text = page_text(path)
        wanted = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", out)) | set(commands(program, out))
        if not wanted:
            problems.append(f"man/{page}: {binary} --help printed no options:\n{out}")
        for word in sorted(wanted):
            if not mentions(text, word):
                problems.append(f"man/{page}: does not mention {word} (from {binary} --help)")

    for p in problems:
        print(p)
    print(f"man pages: {len(PAGES)} checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
