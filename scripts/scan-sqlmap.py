#!/usr/bin/env python3
"""Runs one sqlmap process per target, several at once (used by scripts/scan.sh).

    scan-sqlmap.py TARGETS.tsv OUT_DIR PARALLEL SAFETY_SECONDS -- sqlmap options for every target...

TARGETS.tsv: `pattern<TAB>method<TAB>URL<TAB>data<TAB>csrf URL` (csrf URL empty: no token to renew). Each target
gets OUT_DIR/NNN/ (sqlmap's output and log); OUT_DIR/results.tsv gets `NNN<TAB>pattern<TAB>method<TAB>URL<TAB>exit
code<TAB>seconds` (exit 124: the safety timeout stopped it).
"""
import concurrent.futures
import os
import re
import subprocess
import sys
import time

targets_file, out, parallel, safety = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
common = sys.argv[sys.argv.index("--") + 1:]
targets = [line.rstrip("\n").split("\t") for line in open(targets_file, encoding="utf-8") if line.strip()]


def run(index, target):
    pattern, method, url, data, csrf = (target + [""] * 5)[:5]
    folder = os.path.join(out, f"{index:03d}")
    os.makedirs(folder, exist_ok=True)
    if pattern != "url":  # a form: its ids in the path (numbers, GUIDs, batch keys) are injection points too
        url = re.sub(r"/(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})(?=/|$|\?)", r"/\1*", url)
    args = ["sqlmap", "-u", url, "--output-dir", folder] + common
    if method == "POST":
        args += ["--data", data or "__RequestVerificationToken="]
    if csrf:
        args += ["--csrf-token=__RequestVerificationToken", f"--csrf-url={csrf}"]
    started = time.time()
    with open(os.path.join(folder, "log"), "w") as log:
        log.write(" ".join(a if " " not in a else repr(a) for a in args) + "\n")
        log.flush()
        try:
            code = subprocess.run(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=safety).returncode
        except subprocess.TimeoutExpired:
            code = 124
    return f"{index:03d}\t{pattern}\t{method}\t{url}\t{code}\t{time.time() - started:.0f}"


with open(os.path.join(out, "results.tsv"), "w") as results, \
        concurrent.futures.ThreadPoolExecutor(max_workers=parallel) as pool:
    for line in pool.map(lambda it: run(*it), enumerate(targets, 1)):
        results.write(line + "\n")
        results.flush()
        print(line, flush=True)
