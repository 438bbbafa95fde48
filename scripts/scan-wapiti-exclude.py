#!/usr/bin/env python3
"""One wapiti exclusion regex that keeps one instance of each route with ids (used by scripts/scan.sh).

    scan-wapiti-exclude.py BASE START_URLS FORMS.tsv

Every page and form action of a route with an id in its path is excluded unless it is one of the start pages or
one of the forms sqlmap gets: the other rows (every 上移 of every 栏目, every 删除 of every 错敏词, every article
of the list) run the same code with another id, and crawling them all made ~1,500 resources of ~140 routes.
Printed as `https://re/<regex>` (wapiti takes only values starting with http) for the wildcard function scan.sh gives wapiti.
"""
import re
import subprocess
import sys
import urllib.parse

base, starts, forms = sys.argv[1], sys.argv[2], sys.argv[3]
routes = [line.split("\t")[1] for line in subprocess.run([sys.executable, "scripts/scan-routes.py"], capture_output=True,
                                                         text=True, check=True).stdout.splitlines()]


def template_regex(template):
    parts = re.split(r"(\{[^}]*\})", template)
    return "".join("[^/?#]+" if p.startswith("{") and ":" not in p else r"\d+" if p.startswith("{") else re.escape(p)
                   for p in parts)


with_ids = sorted({template_regex(t) for t in routes if "{" in t})
allowed = {urllib.parse.urlsplit(line.strip()).path for line in open(starts, encoding="utf-8") if line.strip()}
allowed |= {urllib.parse.urlsplit(line.split("\t")[2]).path for line in open(forms, encoding="utf-8") if line.strip()}
keep = "|".join(re.escape(p) for p in sorted(allowed))
print(f"https://re/{re.escape(base)}(?!(?:{keep})(?:[?#]|$))(?:{'|'.join(with_ids)})(?:[?#]|$)")
