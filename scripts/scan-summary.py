#!/usr/bin/env python3
"""Findings, limits and coverage of a scan (used by scripts/scan.sh).

    scan-summary.py OUT_DIR MODE STILL_SIGNED_IN_STATUS

Exit 0 only with no finding (beyond the known false positives of docs/security.md), no scanner process cut short by a
limit, and every route reached (GET routes by a start page or wapiti's crawl, POST routes by a form sqlmap tested),
apart from the deliberate exclusions listed with their reason.
"""
import json
import os
import re
import subprocess
import sys
import urllib.parse

out, mode, still = sys.argv[1], sys.argv[2], sys.argv[3]
problems = {"findings": 0, "limits": 0, "unreached": 0}

EXCLUDED = {
    ("GET", "/errors/{code:int}"): "answers only requests re-executed by the error handler; a direct request is 404 by design",
    ("POST", "/account/logout"): "would end the scanner's session (the sign-out form itself takes only the token)",
}


def regex(template):
    parts = re.split(r"(\{[^}]*\})", template)
    return re.compile("^" + "".join(r"[^/]+?" if p.startswith("{") and ":" not in p else r"\d+" if p.startswith("{")
                                    else re.escape(p) for p in parts) + "$")


def lines(path):
    return open(path, encoding="utf-8", errors="replace").read().splitlines() if os.path.exists(path) else []


def path_of(url):
    return urllib.parse.urlsplit(url).path


routes = [tuple(l.split("\t")) for l in subprocess.run([sys.executable, "scripts/scan-routes.py"], capture_output=True,
                                                         text=True, check=True).stdout.splitlines()]

# --- wapiti --------------------------------------------------------------------------------------------------
set_cookie = [l.lower() for l in lines(os.path.join(out, "set-cookie.txt"))]


def flag_is_sent(cookie, flag):
    found = [l for l in set_cookie if l.startswith("set-cookie: " + cookie.lower() + "=")]
    return bool(found) and all(re.search(r";\s*" + flag + r"\b", l) for l in found)


def false_positive(info):
    if info == "X-XSS-Protection is not set":
        return "the header is obsolete; the CSP without inline script is the protection (docs/security.md)"
    m = re.match(r"(HttpOnly|Secure) flag is not set in the cookie : (.+)", info or "")
    if m and flag_is_sent(m.group(2).strip(), m.group(1).lower()):
        return f"the portal does send '{m.group(1).lower()}' (see set-cookie.txt); wapiti 3.0.4 looks for 'HttpOnly' case-sensitively"
    return None


crawled = set()
accepted = 0
if mode != "setup":
    for name in ("anonymous", "signed-in"):
        log = lines(os.path.join(out, f"wapiti-{name}.log"))
        exit_code = (lines(os.path.join(out, f"wapiti-{name}.exit")) or ["missing"])[0]
        first_attack = next((i for i, l in enumerate(log) if "Launching module" in l), len(log))
        resources = {(m.group(1), m.group(2)) for l in log[:first_attack] for m in [re.match(r"^\[\+\] (GET|POST) (\S+)", l)] if m}
        crawled |= {(m, path_of(u)) for m, u in resources}
        posts = sum(1 for m, _ in resources if m == "POST")
        modules = [m.group(1) for l in log for m in [re.search(r"Launching module (\w+)", l)] if m]
        capped = [m.group(1) for l in log for m in [re.search(r"Max attack time was reached for module (\w+)", l)] if m]
        limits = ([f"attack time limit in {', '.join(capped)}"] if capped else []) \
            + (["crawl time limit (Max scan time was reached)"] if any("Max scan time was reached" in l for l in log) else []) \
            + ([f"SAFETY TIMEOUT (exit 124)"] if exit_code == "124" else []) \
            + ([f"exit code {exit_code}"] if exit_code not in ("0", "124") else [])
        problems["limits"] += len(limits)
        print(f"wapiti {name}: {len(resources)} resources crawled ({posts} POST forms), {len(modules)} modules run "
              f"({', '.join(modules)}); limits hit: {'; '.join(limits) if limits else 'none'}")
        path = os.path.join(out, f"wapiti-{name}.json")
        if not os.path.exists(path):
            print(f"wapiti {name}: NO REPORT")
            problems["findings"] += 1
            continue
        report = json.load(open(path))
        if name == "signed-in" and not any(m == "POST" and ("/editorial/" in u or "/admin/" in u) for m, u in resources):
            print("wapiti signed-in: reached no editorial or admin form (not signed in?)")
            problems["unreached"] += 1
        for kind in ("vulnerabilities", "anomalies"):
            real, fp = [], []
            for category, items in report.get(kind, {}).items():
                for item in items:
                    reason = false_positive(item.get("info"))
                    text = f"[{category}] {item.get('method')} {item.get('path')} {item.get('parameter') or ''} {item.get('info')}"
                    (fp if reason else real).append((text, reason))
            problems["findings"] += len(real)
            accepted += len(fp)
            print(f"wapiti {name}: {len(real)} {kind}" + (f" (+{len(fp)} known false positives)" if fp else ""))
            for text, _ in real:
                print("    " + text)
            for text, reason in fp:
                print("    false positive: " + text + " -- " + reason)

# --- sqlmap --------------------------------------------------------------------------------------------------
PARAM = re.compile(r"testing for SQL injection on (.*?)parameter '([^']+)'")
forms_found, forms_tested, unreached_forms = {}, {}, []
for name in ("anonymous", "signed-in"):
    forms = [l.split("\t") for l in lines(os.path.join(out, f"{name}-forms.tsv"))]
    probe = {(p[0], p[1]): p[2] for p in (l.split("\t") for l in lines(os.path.join(out, f"{name}-forms-probe.tsv")))}
    for f in forms:
        forms_found[(f[1], f[0])] = f[5] if len(f) > 5 else ""
    if mode == "setup":
        bad = [f"{m} {p} ({s})" for (p, m), s in probe.items() if s in ("400", "000") or s.startswith("5")]
        print(f"{name}: {len(forms)} forms by route pattern; one plain submission each: "
              + (f"{len(bad)} refused: {', '.join(bad)}" if bad else "none answered 400 or 5xx"))
        continue
    folder = os.path.join(out, f"sqlmap-{name}")
    results = [l.split("\t") for l in lines(os.path.join(folder, "results.tsv"))]
    targets = lines(os.path.join(folder, "targets.tsv"))
    hits, rejected, params, cut, urls = [], 0, 0, [], 0
    for r in results:
        index, pattern, method, url, code, seconds = r
        log = lines(os.path.join(folder, index, "log"))
        tested = {(m.group(1), m.group(2)) for l in log for m in [PARAM.search(l)] if m and m.group(2) != "__RequestVerificationToken"}
        params += len(tested)
        errors = " ".join(l.strip() for l in log if re.match(r"^\d{3} \(.*\) - \d+ times", l.strip()))
        hits += [f"{method} {url}: {l.strip()}" for l in log if re.search(r"identified the following injection point|parameter '.+?' is vulnerable", l)]
        rejected += sum("false positive or unexploitable injection point detected" in l for l in log)
        if code == "124":
            cut.append(f"{method} {pattern} (SAFETY TIMEOUT after {seconds} s)")
        elif code != "0":
            cut.append(f"{method} {pattern} (exit {code})")
        kind = "url" if index and targets and targets[int(index) - 1].startswith("url\t") else "form"
        if kind == "url":
            urls += 1
        else:
            forms_tested[(method, pattern)] = (len(tested), errors, probe.get((pattern, method), "?"))
            nothing = any("no parameter(s) found for testing" in l for l in log) or (
                any("skipping anti-CSRF token parameter" in l for l in log) and not any("[CRITICAL]" in l for l in log))
            status = probe.get((pattern, method), "?")
            if not tested and nothing and status not in ("400", "000") and not status.startswith("5"):
                forms_tested[(method, pattern)] = ("only the token", errors, status)
            elif not tested:
                unreached_forms.append(f"{method} {pattern}: sqlmap tested no parameter ({errors or 'no HTTP errors'})")
    problems["findings"] += len(hits)
    problems["limits"] += len(cut)
    print(f"sqlmap {name}: {len(results)} of {len(targets)} targets run ({urls} URLs, {len(results) - urls} forms), "
          f"{params} parameters tested, {len(hits)} injectable"
          + (f"; {rejected} candidates rejected by sqlmap's own false-positive check" if rejected else "")
          + f"; limits hit: {'; '.join(cut) if cut else 'none'}")
    for h in hits:
        print("    " + h)
    if len(results) < len(targets):
        print(f"sqlmap {name}: {len(targets) - len(results)} targets never ran")
        problems["limits"] += 1

# --- coverage ------------------------------------------------------------------------------------------------
starts = {("GET", path_of(u)) for name in ("anonymous", "signed-in") for u in lines(os.path.join(out, f"{name}-start-urls.txt"))}
reached = starts | crawled
for name in ("anonymous", "signed-in"):
    other = [l.split("\t") for l in lines(os.path.join(out, f"{name}-start-status.tsv"))]
    other = [f"{path_of(u)} {c}" for u, c in other if c != "200"]
    print(f"start pages ({name}) not answering 200: " + (", ".join(other) if other else "none"))
posts = {("POST", p) for (m, p) in forms_found if m == "POST"} | {("GET", p) for (m, p) in forms_found if m == "GET"}
print(f"coverage: {len(forms_found)} forms found by route pattern"
      + ("" if mode == "setup" else f", {sum(1 for v in forms_tested.values() if v[0])} tested by sqlmap with at least one parameter")
      + f"; {len(starts)} start pages; {len(crawled)} distinct paths crawled by wapiti")
missing = []
for method, template in routes:
    if (method, template) in EXCLUDED:
        print(f"    excluded: {method} {template} -- {EXCLUDED[(method, template)]}")
        continue
    rx = regex(template)
    if method == "GET":
        ok = any(m == "GET" and rx.match(p) for m, p in reached) or any(m == "GET" and rx.match(p) for m, p in posts)
    else:
        ok = any(m == "POST" and rx.match(p.replace("{id}", "1")) for m, p in posts)
        if ok and mode != "setup":
            ok = any(m == "POST" and rx.match(p.replace("{id}", "1")) and v[0] for (m, p), v in forms_tested.items())
    if not ok:
        missing.append(f"{method} {template}")
if mode != "setup" and mode != "quick":
    missing += unreached_forms
elif mode == "quick":
    missing = [m for m in missing if m.startswith("GET")]
problems["unreached"] += len(missing)
print(f"coverage: {len(routes)} routes of the controllers, {len(missing)} not reached" + ("" if not missing else ":"))
for m in missing:
    print("    NOT REACHED: " + m)
for (m, p), (n, errors, status) in sorted(forms_tested.items(), key=lambda x: x[0][1]):
    print(f"    sqlmap form {m} {p}: " + (f"{n} parameters" if isinstance(n, int) else "nothing to inject but the token")
          + f", plain submission {status}" + (f", HTTP errors: {errors}" if errors else ""))

if mode != "setup" and still != "200":
    print(f"the signed-in session did not survive the scan (GET /admin/users answered {still})")
    problems["unreached"] += 1
print(f"TOTAL FINDINGS: {problems['findings']} (known false positives set aside: {accepted}); "
      f"LIMITS HIT: {problems['limits']}; NOT REACHED: {problems['unreached']}" + (" [quick mode: not a result]" if mode == "quick" else ""))
sys.exit(1 if any(problems.values()) else 0)
