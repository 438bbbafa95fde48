#!/usr/bin/env bash
# The deploy check, run by hand (docs/decisions/0015-deploy-check.md): Debian's nginx with deploy/nginx/newsletter.conf
# (ports, name and paths replaced) and a self-signed certificate, in front of the portal published self-contained and
# started with deploy/systemd/newsletter.service's Environment= lines, all on 127.0.0.1. Checks pages over HTTP/2,
# HTTP → HTTPS, one HSTS header, brotli/gzip, fingerprinted assets cached a year, sign-in with a Secure cookie, the
# sign-in rate limit counted per client address (not per proxy), and a 20 MB upload. Prints one line per check and
# "N passed, N failed"; exit 0 only when all pass. Needs root (apt-get) the first time; uses ports 18080, 18443, 15080.
#   deploy/check.sh                 publish, then check
#   APP=/path/to/published deploy/check.sh   check an existing self-contained publish
set -uo pipefail
cd "$(dirname "$0")/.."

HOST=newsletter.test
HTTP_PORT=${HTTP_PORT:-18080}
HTTPS_PORT=${HTTPS_PORT:-18443}
APP_PORT=${APP_PORT:-15080}
ADMIN_EMAIL="admin@$HOST"
ADMIN_PASSWORD="Deploy-Check-2026!"
work=$(mktemp -d /tmp/newsletter-deploy-check.XXXXXX)
passed=0
failed=0
nginx_pid=""
portal_pid=""

cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null
  wait 2>/dev/null
}
trap cleanup EXIT

check() { # name, condition result (0 = pass), detail
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "PASS  $1${3:+  ($3)}"; else failed=$((failed + 1)); echo "FAIL  $1${3:+  ($3)}"; fi
}

echo "== Debian packages: nginx with brotli, openssl, curl"
if ! command -v nginx >/dev/null || [ ! -e /usr/share/nginx/modules-available/mod-http-brotli-filter.conf ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    nginx libnginx-mod-http-brotli-filter openssl curl >/dev/null || { echo "could not install nginx"; exit 1; }
fi
nginx -v 2>&1

echo "== the portal, published self-contained as the systemd unit runs it"
app=${APP:-$work/app}
if [ -z "${APP:-}" ]; then
  start=$(date +%s)
  dotnet publish src/Newsletter.Web -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
    -o "$app" -nologo -v quiet >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
  echo "published in $(($(date +%s) - start)) s to $app"
fi
unit=deploy/systemd/newsletter.service
sed "s|/srv/newsletter/app|$app|g; s|/srv/newsletter/data|$work/data|g" "$unit" >"$work/newsletter.service"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$work/newsletter.service" >"$work/verify.log" 2>&1
  check "systemd-analyze verify accepts the unit" $? "$(grep -v '^$' "$work/verify.log" | head -1)"
fi

mkdir -p "$work/data"
# The unit's Environment= lines, then what differs here: port, data folder, the first administrator.
while IFS= read -r line; do export "${line#Environment=}"; done < <(grep '^Environment=' "$unit")
export ASPNETCORE_URLS="http://127.0.0.1:$APP_PORT" DataPath="$work/data" HOME="$work" \
  Seed__AdminEmail="$ADMIN_EMAIL" Seed__AdminPassword="$ADMIN_PASSWORD" Seed__IssuesPath="$PWD/seeds" \
  Mail__PortalUrl="https://$HOST:$HTTPS_PORT" AllowedHosts="$HOST;127.0.0.1"
# From the app's folder, as the unit's WorkingDirectory: the content root, where wwwroot is found.
(cd "$app" && exec ./Newsletter.Web) >"$work/portal.log" 2>&1 &
portal_pid=$!

echo "== nginx with deploy/nginx/newsletter.conf and a self-signed certificate"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$HOST" -addext "subjectAltName=DNS:$HOST" \
  -keyout "$work/privkey.pem" -out "$work/fullchain.pem" >/dev/null 2>&1
sed -e "s|server 127.0.0.1:5080;|server 127.0.0.1:$APP_PORT;|" \
    -e "s|listen 80;|listen 127.0.0.1:$HTTP_PORT;|" -e "s|listen 443 ssl http2;|listen 127.0.0.1:$HTTPS_PORT ssl http2;|" \
    -e '/listen \[::\]/d' -e "s|newsletter.example.org.cn|$HOST|g" -e "s|/etc/ssl/newsletter/|$work/|g" \
    -e "s|/var/cache/nginx/newsletter|$work/cache|" deploy/nginx/newsletter.conf >"$work/site.conf"
mkdir -p "$work/cache" "$work/temp"
ln -s /usr/lib/nginx/modules "$work/modules" # Debian's modules-enabled/*.conf load modules/… relative to the prefix
cat >"$work/nginx.conf" <<EOF
user root;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log $work/nginx-access.log;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    include $work/site.conf;
}
EOF
nginx -t -c "$work/nginx.conf" -p "$work" >"$work/nginx-t.log" 2>&1
check "nginx -t accepts the site" $? "$(tail -1 "$work/nginx-t.log")" || true
[ "$failed" -eq 0 ] || { cat "$work/nginx-t.log"; exit 1; }
nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' &
nginx_pid=$!

curl_https() { curl -sS --http2 --resolve "$HOST:$HTTPS_PORT:127.0.0.1" --cacert "$work/fullchain.pem" "$@"; }
base="https://$HOST:$HTTPS_PORT"

start=$(date +%s)
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$APP_PORT/healthz" 2>/dev/null && break
  sleep 1
done
echo "portal answering /healthz after $(($(date +%s) - start)) s"

echo "== checks"
for path in / /issues /issues/2023/2 /issues/2023/2/print /articles/1 "/search?q=%E8%AE%A1%E7%94%9F" /feed.atom /sitemap.xml /healthz; do
  out=$(curl_https -o /dev/null -w "%{http_code} %{http_version} %{time_total}" "$base$path")
  [ "${out%% *}" = 200 ] && [ "$(cut -d' ' -f2 <<<"$out")" = 2 ]
  check "GET $path over HTTP/2" $? "$out"
done

out=$(curl -sS -o /dev/null -w "%{http_code} %{redirect_url}" --resolve "$HOST:$HTTP_PORT:127.0.0.1" "http://$HOST:$HTTP_PORT/issues")
[[ "$out" == "301 https://$HOST/issues" ]]
check "HTTP is sent to HTTPS" $? "$out"

headers=$(curl_https -D - -o /dev/null "$base/")
hsts=$(grep -ci '^strict-transport-security:' <<<"$headers")
[ "$hsts" -eq 1 ]
check "one HSTS header (from the portal, which knows the request is HTTPS)" $? "$(grep -i '^strict-transport-security:' <<<"$headers" | tr -d '\r')"

for encoding in br gzip; do
  got=$(curl_https -D - -o "$work/compressed" -H "Accept-Encoding: $encoding" "$base/issues/2023/2" | grep -i '^content-encoding:' | tr -d '\r' | awk '{print $2}')
  plain=$(curl_https -o - "$base/issues/2023/2" | wc -c)
  [ "$got" = "$encoding" ]
  check "text compressed with $encoding" $? "$plain → $(wc -c <"$work/compressed") bytes"
done

asset=$(curl_https "$base/" | grep -o '/css/site\.css?v=[A-Za-z0-9_-]*' | head -1)
first=$(curl_https -D - -o "$work/site.css" "$base$asset" | tr -d '\r')
second=$(curl_https -D - -o /dev/null "$base$asset" | tr -d '\r')
[ -n "$asset" ] && [ -s "$work/site.css" ] && grep -qi '^cache-control: public, max-age=31536000, immutable' <<<"$first" \
  && grep -qi '^x-cache-status: HIT' <<<"$second"
check "fingerprinted asset cached a year, then served by nginx" $? "${asset:-no ?v= link on the home page}: $(stat -c %s "$work/site.css" 2>/dev/null) bytes, $(grep -i '^cache-control:' <<<"$first"); second: $(grep -i '^x-cache-status:' <<<"$second")"

token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"\|name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
sign_in() { # jar, email, password → HTTP code of the POST; the response headers in $work/sign-in-headers
  local jar=$1
  local t
  t=$(curl_https -c "$jar" -b "$jar" "$base/account/login" | token)
  curl_https -c "$jar" -b "$jar" -D "$work/sign-in-headers" -o /dev/null -w "%{http_code}" "$base/account/login" \
    --data-urlencode "Email=$2" --data-urlencode "Password=$3" --data-urlencode "__RequestVerificationToken=$t"
}

code=$(sign_in "$work/admin.jar" "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
cookies=$(grep -i '^set-cookie:' "$work/sign-in-headers" | tr -d '\r')
# Every cookie kept, the form token's from the GET too, is marked Secure (the jar's fourth column).
kept=$(sed 's/^#HttpOnly_//' "$work/admin.jar" | grep -v '^#' | awk -F'\t' 'NF >= 7')
insecure=$(awk -F'\t' '$4 != "TRUE"' <<<"$kept" | grep -c .)
[ "$code" = 302 ] && [ -n "$cookies" ] && ! grep -qiv 'secure' <<<"$cookies" && [ "$(grep -c . <<<"$kept")" -ge 2 ] && [ "$insecure" -eq 0 ]
check "sign-in sets only Secure cookies behind the proxy" $? "$code; $(grep -c . <<<"$cookies") cookie(s) set, $(grep -c . <<<"$kept") kept, $insecure without Secure, e.g. $(head -1 <<<"$cookies" | cut -c1-60)…; $(grep -io 'secure; samesite=[a-z]*; httponly' <<<"$cookies" | head -1)"
code=$(curl_https -b "$work/admin.jar" -o /dev/null -w "%{http_code}" "$base/admin/audit")
[ "$code" = 200 ]
check "the administrator's pages open signed in" $? "/admin/audit $code"

# Sign-in attempts are limited per client address (RateLimits:SignInPerMinute, 10): nginx passes each client's own.
codes=""
t=$(curl_https -c "$work/a.jar" -b "$work/a.jar" --interface 127.0.0.2 "$base/account/login" | token)
for _ in $(seq 1 11); do
  codes+=$(curl_https -c "$work/a.jar" -b "$work/a.jar" --interface 127.0.0.2 -o /dev/null -w "%{http_code} " "$base/account/login" \
    --data-urlencode "Email=nobody@$HOST" --data-urlencode "Password=wrong-password" --data-urlencode "__RequestVerificationToken=$t")
done
t=$(curl_https -c "$work/b.jar" -b "$work/b.jar" --interface 127.0.0.3 "$base/account/login" | token)
other=$(curl_https -c "$work/b.jar" -b "$work/b.jar" --interface 127.0.0.3 -o /dev/null -w "%{http_code}" "$base/account/login" \
  --data-urlencode "Email=nobody@$HOST" --data-urlencode "Password=wrong-password" --data-urlencode "__RequestVerificationToken=$t")
[[ "$codes" == "200 200 200 200 200 200 200 200 200 200 429 " ]] && [ "$other" = 200 ]
check "sign-in limit counts each client address (127.0.0.2 refused, 127.0.0.3 not)" $? "127.0.0.2: ${codes% }; 127.0.0.3: $other"
audit=$(curl_https -b "$work/admin.jar" "$base/admin/audit?entityType=Account")
grep -q '127.0.0.2' <<<"$audit" && grep -q '127.0.0.3' <<<"$audit"
check "the audit log records the client's address, not the proxy's" $? "$(grep -o '127\.0\.0\.[0-9]*' <<<"$audit" | sort | uniq -c | tr -s ' ' | paste -sd, -)"

# A 20 MB attachment (Media:MaxUploadMegabytes) by an editor, through nginx to the portal.
t=$(curl_https -b "$work/admin.jar" "$base/admin/users/new" | token)
curl_https -b "$work/admin.jar" -o /dev/null "$base/admin/users/new" --data-urlencode "__RequestVerificationToken=$t" \
  --data-urlencode "DisplayName=部署检查编辑" --data-urlencode "Email=editor@$HOST" --data-urlencode "OrganizationId=" \
  --data-urlencode "Setup=Password" --data-urlencode "Password=$ADMIN_PASSWORD" --data-urlencode "Roles=Editor"
sign_in "$work/editor.jar" "editor@$HOST" "$ADMIN_PASSWORD" >/dev/null
form=$(curl_https -b "$work/editor.jar" "$base/editorial/articles/new")
section=$(grep -o '<option value="[0-9]*"' <<<"$form" | head -1 | grep -o '[0-9]*')
location=$(curl_https -b "$work/editor.jar" -o /dev/null -w "%{redirect_url}" "$base/editorial/articles/new" \
  --data-urlencode "__RequestVerificationToken=$(token <<<"$form")" --data-urlencode "Title=部署检查稿件" \
  --data-urlencode "Body=正文。" --data-urlencode "SectionId=$section")
article=${location##*/}
{ printf '%%PDF-1.4\n'; head -c $((20 * 1024 * 1024 - 16)) /dev/urandom; printf '\n%%%%EOF\n'; } >"$work/20mb.pdf" # 20 MiB exactly
t=$(curl_https -b "$work/editor.jar" "$base/editorial/articles/$article" | token)
out=$(curl_https -b "$work/editor.jar" -H "Accept: application/json" -o "$work/upload.json" -w "%{http_code} %{time_total}" \
  "$base/editorial/articles/$article/media" -F "__RequestVerificationToken=$t" -F "kind=attachment" -F "files=@$work/20mb.pdf;type=application/pdf")
[ "${out%% *}" = 200 ] && grep -q "\"bytes\":$(stat -c %s "$work/20mb.pdf")" "$work/upload.json"
check "a 20 MB attachment uploads through nginx" $? "$(stat -c %s "$work/20mb.pdf") bytes to article $article: $out s; $(head -c 160 "$work/upload.json")"

echo "$passed passed, $failed failed"
if [ "$failed" -eq 0 ]; then
  rm -rf "$work"
else
  echo "kept for a look: $work (portal.log, nginx-error.log, site.conf)"
fi
[ "$failed" -eq 0 ]
