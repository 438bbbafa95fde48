#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, pinned in tools/lighthouse) on the home, issue and article pages of the
# published portal (Release, Production) on 127.0.0.1 with a fresh data folder: the seed issue 总第65期 is imported
# at first start. Prints performance, accessibility, best practices and SEO per page (Lighthouse's default mobile
# profile) and exits non-zero if any score is below 95. Run by hand, not part of scripts/test.sh.
#   bash scripts/lighthouse.sh            (PORT=5095 by default; reports in artifacts/lighthouse/)
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-5095}"
base="http://127.0.0.1:$port"
out="artifacts/lighthouse"
rm -rf "$out" && mkdir -p "$out"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
# grep reads all of fc-list's output (grep -q would fail the pipeline through SIGPIPE under pipefail)
if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -i "Noto.*CJK" >/dev/null; then
  echo "installing chromium and fonts-noto-cjk with apt-get"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
if [ ! -x tools/lighthouse/node_modules/.bin/lighthouse ]; then
  echo "installing lighthouse with npm ci in tools/lighthouse"
  (cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
fi

echo "== publish (Release)"
dotnet publish src/Newsletter.Web/Newsletter.Web.csproj -c Release -o "$out/app" -nologo -v quiet >/dev/null

data=$(mktemp -d /tmp/newsletter-lighthouse.XXXXXX)
echo "== start the portal on $base (data folder $data)"
root=$(pwd)
(cd "$out/app" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" DataPath="$data" \
  Seed__IssuesPath="$root/seeds" dotnet Newsletter.Web.dll >"$root/$out/portal.log" 2>&1) &
portal=$!
trap 'kill "$portal" 2>/dev/null; wait "$portal" 2>/dev/null; rm -rf "$data"' EXIT

for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
  kill -0 "$portal" 2>/dev/null || { cat "$out/portal.log"; echo "the portal did not start"; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null "$base/healthz" || { cat "$out/portal.log"; echo "the portal did not answer on $base/healthz"; exit 1; }

article=$(curl -fsS "$base/issues/2023/2" | grep -o 'href="/articles/[0-9]*"' | sed -n '1s/href="\(.*\)"/\1/p')
[ -n "$article" ] || { echo "no article link on /issues/2023/2"; exit 1; }

pages=("home /" "issue /issues/2023/2" "article $article")
# A deployed portal is warm: render each page (and its first-use code paths) a few times before measuring.
for entry in "${pages[@]}"; do
  for _ in 1 2 3; do curl -fsS -o /dev/null "$base${entry#* }"; done
done
echo "== lighthouse $(tools/lighthouse/node_modules/.bin/lighthouse --version) with $(chromium --version 2>/dev/null | head -1)"
for entry in "${pages[@]}"; do
  name=${entry%% *}
  path=${entry#* }
  CHROME_PATH=/usr/bin/chromium tools/lighthouse/node_modules/.bin/lighthouse "$base$path" \
    --output=json --output-path="$out/$name.json" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" \
    || { echo "lighthouse failed on $path"; exit 1; }
done

node - "$out" "${pages[@]}" <<'EOF'
const fs = require('fs');
const [out, ...pages] = process.argv.slice(2);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
let failed = false;
console.log(['page'.padEnd(26), ...categories.map(c => c.padStart(15))].join(''));
for (const entry of pages) {
  const [name, path] = entry.split(' ');
  const report = JSON.parse(fs.readFileSync(`${out}/${name}.json`, 'utf8'));
  const scores = categories.map(c => Math.round((report.categories[c].score ?? 0) * 100));
  failed ||= scores.some(s => s < 95);
  console.log([`${name} ${path}`.padEnd(26), ...scores.map(s => String(s).padStart(15))].join(''));
  for (const c of categories) {
    for (const ref of report.categories[c].auditRefs) {
      const audit = report.audits[ref.id];
      const opportunity = audit.details?.type === 'opportunity';
      if ((ref.weight > 0 || opportunity) && audit.score !== null && audit.score < 0.9) {
        console.log(`    ${c}: ${ref.id} (${Math.round(audit.score * 100)}) ${audit.displayValue ?? ''}`);
      }
    }
  }
}
console.log(failed ? 'FAIL: a score is below 95' : 'OK: every score is at least 95');
process.exit(failed ? 1 : 0);
EOF
