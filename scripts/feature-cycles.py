#!/usr/bin/env python3
"""Dependency graph between feature folders of src/Newsletter.Web/Features; lists SCCs with >1 folder.
Nodes: every folder under Features that holds a .cs or .cshtml file (Features/ itself excluded).
Edge A->B: a file in A has `using Newsletter.Web.Features.B` (or `@using`), or a fully qualified
`Newsletter.Web.Features.B.` reference; B = longest node matching the namespace. Features/_ViewImports.cshtml
counts as a dependency of every folder that holds a view (and of Shared).
Optional --types: also add edges from type names declared in B used (as whole words) in A's files."""
import os, re, sys, collections
root = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith('-') else '.'
feat = os.path.join(root, 'src/Newsletter.Web/Features')
files = collections.defaultdict(list)
for d, _, fs in os.walk(feat):
    for f in fs:
        if f.endswith(('.cs', '.cshtml')):
            files[os.path.relpath(d, feat)].append(os.path.join(d, f))
viewimports = files.pop('.', [])
if '--all' in sys.argv:  # also Data, Domain, Infrastructure (as '../X') and Program.cs
    web = os.path.join(root, 'src/Newsletter.Web')
    for top in ('Data', 'Domain', 'Infrastructure'):
        for d, _, fs in os.walk(os.path.join(web, top)):
            if 'Migrations' in d: continue
            files['../' + top] += [os.path.join(d, f) for f in fs if f.endswith('.cs')]
    files['../Program.cs'] = [os.path.join(web, 'Program.cs')]
nodes = sorted(files)
def node_of(ns):  # 'Editorial.Issues' -> longest node prefix
    if ns.startswith('../'):
        return ns if ns in files else None
    parts = ns.split('.')
    for i in range(len(parts), 0, -1):
        cand = '/'.join(parts[:i])
        if cand in files: return cand
    return None
ref = re.compile(r'Newsletter\.Web\.(?:Features\.([A-Za-z_][\w.]*)|(Data|Domain|Infrastructure)\b)')
def refs(path):
    out = set()
    text = open(path, encoding='utf-8').read()
    code = re.sub(r'(?m)//.*$', '', text) if path.endswith('.cs') else re.sub(r'@\*.*?\*@', '', text, flags=re.S)
    for m in ref.finditer(code):
        n = node_of(m.group(1).rstrip('.')) if m.group(1) else node_of('../' + m.group(2))
        if n: out.add(n)
    return out, text
edges = collections.defaultdict(lambda: collections.defaultdict(set))
texts = {}
real = '--real' in sys.argv  # ignore using lines; edges only from type names used (and fully qualified refs)
for n in nodes:
    for p in files[n]:
        rs, texts[p] = refs(p)
        if real:
            rs, _ = set(), None
            for line in texts[p].splitlines():
                if not re.match(r'\s*@?using\s', line):
                    for m in ref.finditer(line):
                        x = node_of(m.group(1).rstrip('.')) if m.group(1) else node_of('../' + m.group(2))
                        if x: rs.add(x)
        for r in rs:
            if r != n: edges[n][r].add(os.path.relpath(p, feat))
vi = set()
for p in viewimports:
    vi |= refs(p)[0]
for n in ([] if real else nodes):
    if n == 'Shared' or any(p.endswith('.cshtml') for p in files[n]):
        for r in vi:
            if r != n: edges[n][r].add('_ViewImports.cshtml')
if '--types' in sys.argv or real:
    decl = re.compile(r'^\s*(?:(?:public|internal|private|protected|static|sealed|abstract|partial|readonly|file|record|ref)\s+)*(?:class|record|struct|interface|enum)\s+(\w+)', re.M)
    owner = {}
    for n in nodes:
        for p in files[n]:
            if p.endswith('.cs'):
                for t in decl.findall(texts[p]):
                    owner.setdefault(t, set()).add(n)
    for n in nodes:
        for p in files[n]:
            body = re.sub(r'//.*', '', texts[p])
            for t, ows in owner.items():
                if n in ows or len(ows) > 1: continue
                if re.search(r'\b%s\b' % re.escape(t), body):
                    (o,) = ows
                    edges[n][o].add(os.path.relpath(p, feat) + ' [type ' + t + ']')
# Tarjan
idx, low, st, on, sccs, c = {}, {}, [], set(), [], [0]
sys.setrecursionlimit(10000)
def sc(v):
    idx[v] = low[v] = c[0]; c[0] += 1; st.append(v); on.add(v)
    for w in edges[v]:
        if w not in idx: sc(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], idx[w])
    if low[v] == idx[v]:
        comp = []
        while True:
            w = st.pop(); on.discard(w); comp.append(w)
            if w == v: break
        sccs.append(sorted(comp))
for v in nodes:
    if v not in idx: sc(v)
cyc = [s for s in sccs if len(s) > 1]
print(f'{len(nodes)} folders, {sum(len(e) for e in edges.values())} edges, {len(cyc)} cycle(s)')
for s in cyc:
    print(f'\nSCC ({len(s)}): ' + ', '.join(s))
    if '-v' in sys.argv:
        for a in s:
            for b in sorted(edges[a]):
                if b in s: print(f'   {a} -> {b}: ' + ', '.join(sorted(edges[a][b])))
if '--edges' in sys.argv:
    for a in nodes:
        print(a, '->', ', '.join(sorted(edges[a])))
