#!/usr/bin/env python3
"""Forms of fetched pages as sqlmap targets (used by scripts/scan.sh).

    scan-forms.py BASE PAGES.tsv EXCLUDE_REGEX > forms.tsv

PAGES.tsv: one `URL<TAB>HTML file` a line. Output, one form per route pattern (numeric ids and GUIDs in the path
become {id}; the form with the most fields wins): `pattern<TAB>method<TAB>action URL<TAB>data<TAB>file fields<TAB>page`.
data is urlencoded, the antiforgery token included (sqlmap replaces it with a fresh one for every request); file
inputs cannot be sent urlencoded and are listed in the fifth column instead.
"""
import html.parser
import re
import sys
import urllib.parse

FILLERS = {"email": "scan-form@scan.test", "number": "1", "date": "2026-01-01", "month": "2026-01",
           "url": "https://example.org/", "tel": "0771-1234567", "password": "", "color": "#000000"}
# Password fields stay empty: a valid password would let the first submission use up an activation or reset link
# (every later request then gets 404), and an empty one on 新建用户 makes the portal generate the password.


class Forms(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select, self.textarea = [], None, None, None
        self.by_id, self.orphans, self.extra, self.article_ids = {}, [], [], []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self.form = {"action": a.get("action", ""), "method": (a.get("method") or "get").lower(),
                         "fields": [], "files": [], "buttons": [], "radios": {}}
            self.forms.append(self.form)
            if a.get("id"):
                self.by_id[a["id"]] = self.form
            if a.get("data-autosave"):
                self.extra.append((self.form, a["data-autosave"]))
        if a.get("data-order-url"):
            self.order = {"action": a["data-order-url"], "method": "post", "fields": [("sectionId", a.get("data-section-id", "1")),
                          ("version", a.get("data-version", "1"))], "files": [], "buttons": [], "radios": {}, "order": True}
            self.forms.append(self.order)
        if tag == "li" and a.get("data-article-id") and getattr(self, "order", None):
            self.order["fields"].append(("articleIds", a["data-article-id"]))
        if a.get("formaction") and self.form is not None:
            self.extra.append((self.form, a["formaction"]))
        name = a.get("name")
        if self.form is None and a.get("form") and name and tag == "input":
            self.orphans.append((a["form"], name, a.get("value", "on")))
            return
        if self.form is None:
            return
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind == "file":
                self.form["files"].append(name)
            elif kind in ("submit", "image", "button", "reset"):
                if kind == "submit":
                    self.form["buttons"].append((name, a.get("value", "")))
            elif kind == "radio":
                if name not in self.form["radios"] or "checked" in a:
                    self.form["radios"][name] = a.get("value", "on")
            elif kind == "checkbox":
                self.form["fields"].append((name, a.get("value", "on")))
            else:
                value = a.get("value", "")
                if not value and kind not in ("hidden", "password"):
                    value = FILLERS["email"] if "email" in name.lower() else FILLERS.get(kind, "scan")
                self.form["fields"].append((name, value))
        elif tag == "button" and name and a.get("type", "submit").lower() == "submit":
            self.form["buttons"].append((name, a.get("value", "")))
        elif tag == "select" and name:
            self.select = [name, None, None]
            self.form["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            value = a.get("value")
            if self.select[2] is None and value:
                self.select[2] = value
            if "selected" in a:
                self.select[1] = value or ""
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
            self.form["fields"].append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self.select is not None:
            self.select[1] = self.select[1] if self.select[1] is not None else (self.select[2] or "1")
            del self.select[2]
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.textarea[1] = self.textarea[1].strip() or (FILLERS["email"] if "email" in self.textarea[0].lower() else "扫描")
            self.textarea = None
        elif tag == "form":
            self.form = None


def pattern(path):
    path = re.sub(r"/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=/|$)", "/{id}", path)
    path = re.sub(r"/[0-9a-f]{32}(?=/|$)", "/{id}", path)
    return re.sub(r"/\d+(?=/|$)", "/{id}", path)


def main():
    base, pages, exclude = sys.argv[1], sys.argv[2], re.compile(sys.argv[3])
    best = {}
    for line in open(pages, encoding="utf-8"):
        page, path = line.rstrip("\n").split("\t")
        parser = Forms()
        parser.feed(open(path, encoding="utf-8", errors="replace").read())
        for form_id, name, value in parser.orphans:
            if form_id in parser.by_id:
                parser.by_id[form_id]["fields"].append((name, value))
        for form, action in parser.extra:
            parser.forms.append(dict(form, action=action))
        token = next((v for f in parser.forms for n, v in f["fields"] if n == "__RequestVerificationToken"), "")
        for form in parser.forms:
            if form.get("order") and token:
                form["fields"].append(("__RequestVerificationToken", token))
        for form in parser.forms:
            action = urllib.parse.urljoin(page, form["action"] or page)
            if not action.startswith(base):
                continue
            url = urllib.parse.urlsplit(action)
            if exclude.search(url.path):
                continue
            method = "POST" if form["method"] == "post" else "GET"
            fields = [tuple(f) for f in form["fields"]] + list(form["radios"].items()) + form["buttons"][:1]
            key = (method, pattern(url.path))
            score = len(fields) + len(form["files"])
            if key not in best or score > best[key][0]:
                best[key] = (score, action, fields, form["files"], page)
    for (method, pat), (_, action, fields, files, page) in sorted(best.items(), key=lambda x: (x[0][1], x[0][0])):
        data = urllib.parse.urlencode(fields)
        if method == "GET":
            action = action.split("?")[0] + ("?" + data if data else "")
            data = ""
        print("\t".join([pat, method, action, data, ",".join(files), page]))


main()
