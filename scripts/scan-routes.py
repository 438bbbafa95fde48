#!/usr/bin/env python3
"""Every controller action's route as `METHOD<TAB>template` (used by scripts/scan.sh for its coverage check).

Read from the [Route]/[HttpGet]/[HttpPost] attributes under src/Newsletter.Web/Features, the same routes the
`Expected` table of tests/Newsletter.IntegrationTests/Security/EndpointAuthorizationTests covers.
"""
import pathlib
import re

ATTRIBUTE = re.compile(r'\[(Route|HttpGet|HttpPost)(?:\((?:"([^"]*)"|(\w+)\.Path)[^)]*\))?\]')
routes = set()
for path in sorted(pathlib.Path("src/Newsletter.Web/Features").rglob("*Controller.cs")):
    source = path.read_text(encoding="utf-8")
    head = re.search(r'\[Route\("([^"]*)"\)\]\s*(?:\[[^\]]*\]\s*)*public\s+(?:sealed\s+)?(?:partial\s+)?class', source)
    prefix = head.group(1) if head else ""
    body = source[head.end():] if head else source
    for m in ATTRIBUTE.finditer(body):
        kind, template, constant = m.groups()
        if constant:  # e.g. [HttpGet(AtomFeed.Path)]
            other = next(path.parent.glob(f"{constant}.cs"), None)
            found = other and re.search(r'const string Path = "([^"]*)"', other.read_text(encoding="utf-8"))
            template = found.group(1) if found else constant
        template = template or ""
        full = template if template.startswith(("/", "~")) else (prefix + "/" + template if template else prefix)
        method = "POST" if kind == "HttpPost" else "GET"
        routes.add((method, "/" + full.strip("/~")))
for method, template in sorted(routes, key=lambda r: (r[1], r[0])):
    print(f"{method}\t{template}")
