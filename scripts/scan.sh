#!/usr/bin/env bash
# Security scan of a running portal with Debian's sqlmap and wapiti, run by hand (not part of the test suite):
#   bash scripts/scan.sh                    # publish, start, scan anonymous and signed in: one complete run (~1 hour)
#   bash scripts/scan.sh --publish DIR      # reuse a `dotnet publish` output folder
#   bash scripts/scan.sh --setup-only       # set-up, start pages, forms and coverage of the routes; no scanner
#   bash scripts/scan.sh --quick            # checks the pipeline: 3 wapiti modules, sqlmap level 1 on 4 forms; not a result
# No time budget cuts a run short: each scanner process has only a safety timeout (SCAN_SAFETY_SECONDS, 2 hours), and
# the summary says per tool and run whether anything hit a limit.
# The portal is published in Release and started in Production on https://127.0.0.1:<free port> with a fresh data
# folder, a self-signed certificate made for the run and a generated administrator password (never stored). The
# scanners send `Host: portal.scan.test`, so the portal answers as it does under a real host name (HSTS is not sent
# to loopback names). Raw reports go to artifacts/scan/. Exit code 0 only with no finding (beyond the known false
# positives explained in docs/security.md), no scanner process cut short, and every route and form reached.
set -Eeuo pipefail
trap 'echo "[$(date +%H:%M:%S)] scan.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

PUBLISH=""
MODE=full
while [[ $# -gt 0 ]]; do
  case $1 in
    --publish) PUBLISH=$(realpath "$2"); shift 2 ;;
    --setup-only) MODE=setup; shift ;;
    --quick) MODE=quick; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
SAFETY=${SCAN_SAFETY_SECONDS:-7200}
PARALLEL=${SCAN_PARALLEL:-3}

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
START_TIME=$(date +%s)

missing=()
command -v sqlmap >/dev/null || missing+=(sqlmap)
command -v wapiti >/dev/null || missing+=(wapiti)
# wapiti asks for Brotli (Accept-Encoding: br) but Debian does not pull in the decoder: without it every page the
# portal compresses reads as garbage, and wapiti finds no links and no forms.
/usr/bin/python3 -c 'import brotli' 2>/dev/null || missing+=(python3-brotli)
if [[ ${#missing[@]} -gt 0 ]]; then
  log "installing ${missing[*]} with apt-get (missing on this machine)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

OUT=$ROOT/artifacts/scan
rm -rf "$OUT" && mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/portal-scan-XXXXXX)
PORTAL_PID=""
cleanup() {
  [[ -n ${wapiti_pid:-} ]] && { pkill -TERM -P "$wapiti_pid" 2>/dev/null; kill "$wapiti_pid" 2>/dev/null; }
  if [[ -n $PORTAL_PID ]] && kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill -TERM "$PORTAL_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$PORTAL_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  [[ -f $WORK/portal.out ]] && cp "$WORK/portal.out" "$OUT/portal.out"
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- the portal ------------------------------------------------------------------------------------------------
if [[ -z $PUBLISH ]]; then
  PUBLISH=$WORK/publish
  log "dotnet publish src/Newsletter.Web -c Release -o $PUBLISH"
  dotnet publish src/Newsletter.Web -c Release -o "$PUBLISH" -nologo -v quiet >&2
fi

HOST_NAME=portal.scan.test
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$HOST_NAME" \
  -keyout "$WORK/scan.key" -out "$WORK/scan.crt" 2>/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=https://127.0.0.1:$PORT
ADMIN_EMAIL=admin@localhost
ADMIN_PASSWORD="Scan-$(openssl rand -hex 8)!a1"
SCANNER_EMAIL=scanner@scan.test
SCANNER_PASSWORD="Scan-$(openssl rand -hex 8)!b2"
mkdir -p "$WORK/data"
log "starting the portal at $BASE (Production, data folder $WORK/data)"
(
  cd "$PUBLISH"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$BASE DataPath=$WORK/data
  export Kestrel__Certificates__Default__Path=$WORK/scan.crt Kestrel__Certificates__Default__KeyPath=$WORK/scan.key
  export Seed__AdminEmail=$ADMIN_EMAIL Seed__AdminPassword=$ADMIN_PASSWORD
  export RateLimits__SignInPerMinute=0 RateLimits__SearchPerMinute=0 RateLimits__UnsubscribePerMinute=0 Mail__Smtp__Host=""
  # The scanners send the sign-in cookie as a fixed header and never take the renewed one, so the ticket ends
  # Auth:IdleTimeoutMinutes after sign-in however busy they are (the default 30 ended the SCAN_SCALE=2 run early).
  export Auth__IdleTimeoutMinutes=240
  exec dotnet Newsletter.Web.dll >"$WORK/portal.out" 2>&1
) &
PORTAL_PID=$!
for _ in $(seq 1 600); do
  kill -0 "$PORTAL_PID" 2>/dev/null || { log "the portal exited; see $OUT/portal.out"; exit 1; }
  [[ $(curl -sk -o /dev/null -w '%{http_code}' "$BASE/" || true) == 200 ]] && break
  sleep 0.3
done
[[ $(curl -sk -o /dev/null -w '%{http_code}' "$BASE/") == 200 ]] || { log "no 200 from $BASE/"; exit 1; }

# --- signing in and content to scan, through the forms as people use them (as bench/Newsletter.LoadBench does) --
CURL=(curl -sk -H "Host: $HOST_NAME")

# token JAR PAGE: the antiforgery token of the first form on PAGE (the cookie half goes into JAR).
token() {
  "${CURL[@]}" -b "$1" -c "$1" "$BASE$2" | grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' | sed -n 1p \
    | sed 's/.*value="\([^"]*\)".*/\1/'
}

# post JAR PAGE ACTION name=value...: posts a form with a token from PAGE; prints the redirect target, fails otherwise.
post() {
  local jar=$1 page=$2 action=$3; shift 3
  local args=() field tok
  tok=$(token "$jar" "$page")
  [[ -n $tok ]] || { log "no antiforgery token on $page"; return 1; }
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  local answer
  answer=$("${CURL[@]}" -b "$jar" -c "$jar" -o "$WORK/answer.html" -D "$WORK/answer.headers" -w '%{http_code} %{redirect_url}' \
    --data-urlencode "__RequestVerificationToken=$tok" "${args[@]}" "$BASE$action")
  if [[ ${answer%% *} != 302 ]]; then
    log "POST $action answered ${answer%% *}: $(grep -o 'class="[^"]*\(field-validation-error\|validation-summary-errors\|alert-danger\)[^"]*"[^<]*<[^>]*>[^<]*' \
      "$WORK/answer.html" | sed 's/<[^>]*>//g; s/.*">//' | tr '\n' ' ')"
    return 1
  fi
  echo "${answer#* }" | sed "s#^https\?://[^/]*##"
}

# upload JAR PAGE ACTION OUT -F-field...: a multipart form; the answer page goes to OUT; prints "status location".
upload() {
  local jar=$1 page=$2 action=$3 out=$4; shift 4
  local args=() field tok
  tok=$(token "$jar" "$page")
  for field in "$@"; do args+=(-F "$field"); done
  "${CURL[@]}" -b "$jar" -c "$jar" -o "$out" -w '%{http_code} %{redirect_url}\n' -F "__RequestVerificationToken=$tok" "${args[@]}" \
    "$BASE$action" | sed "s# https\?://[^/]*# #"
}

id_of() { echo "$1" | cut -d/ -f4; }   # /editorial/articles/7 -> 7
# newest_link KIND: the newest link to /KIND in the .eml files of the data folder (mail goes there without SMTP).
newest_link() { grep -ho "https\?://[^ \"<>]*/$1[^ \"<>]*" $(ls -t "$WORK"/data/mail/*.eml) 2>/dev/null | sed -n 1p | sed 's#^https\?://[^/]*##'; }

sign_in() { # sign_in JAR EMAIL PASSWORD (lands on /editorial or /admin/users, by roles)
  rm -f "$1"
  local to
  to=$(post "$1" /account/login /account/login "Email=$2" "Password=$3")
  [[ $to == /editorial || $to == /admin/users ]] || { log "signing in as $2 led to '$to'"; return 1; }
}

log "signing in as $ADMIN_EMAIL through /account/login"
ADMIN_JAR=$WORK/admin.jar
sign_in "$ADMIN_JAR" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
# The scanner's own 单位 (for the 会员单位 pages under /my/): on the 送/发 lists with two addresses, one to unsubscribe.
post "$ADMIN_JAR" /admin/organizations/new /admin/organizations/new "Form.Name=扫描测试计生协" Form.Kind=Body Form.SortOrder=1 \
  "Form.Emails=scan@scan.test
scan2@scan.test" Form.ContactLimit=5 Form.Send=true Form.SendStatus=Active Form.SendOrder=1 Form.Distribute=true \
  Form.DistributeStatus=Active Form.DistributeOrder=1 >/dev/null
ORG=$("${CURL[@]}" -b "$ADMIN_JAR" "$BASE/admin/organizations" | grep -o 'href="/admin/organizations/[0-9]*/edit"' | sed -n 1p | grep -o '[0-9]\+')
# The scanner has every role (管理员、总编辑、编辑、通讯员、会员单位), so one session reaches every page.
post "$ADMIN_JAR" /admin/users/new /admin/users/new "Email=$SCANNER_EMAIL" "Password=$SCANNER_PASSWORD" Setup=Password \
  "DisplayName=扫描管理员" "OrganizationId=$ORG" Roles=Administrator Roles=ChiefEditor Roles=Editor Roles=Correspondent Roles=Member >/dev/null
# Two more accounts for the anonymous account pages: one opened by 激活邮件, one that asks for a password reset.
post "$ADMIN_JAR" /admin/users/new /admin/users/new Email=activate@scan.test Setup=Email "DisplayName=扫描激活" "OrganizationId=$ORG" \
  Roles=Member >/dev/null
ACTIVATE_LINK=$(newest_link account/activate)
post "$ADMIN_JAR" /admin/users/new /admin/users/new Email=reset@scan.test "Password=Scan-$(openssl rand -hex 8)!c3" Setup=Password \
  "DisplayName=扫描重置" "OrganizationId=$ORG" Roles=Member >/dev/null
post "$WORK/anonymous.jar" /account/forgot /account/forgot Email=reset@scan.test >/dev/null
RESET_LINK=$(newest_link account/reset)
# So that the 启用 and 解锁 buttons and an inactive 单位 (启用) are on the pages: a disabled account, a locked-out one
# (five wrong passwords), a deactivated organisation; and an empty 栏目 (only those have 删除).
post "$ADMIN_JAR" /admin/users/new /admin/users/new Email=disabled@scan.test "Password=Scan-$(openssl rand -hex 8)!d4" Setup=Password \
  "DisplayName=扫描停用" Roles=Correspondent >/dev/null
disabled_user=$("${CURL[@]}" -b "$ADMIN_JAR" "$BASE/admin/users" | python3 -c '
import re, sys
for row in re.findall(r"<tr[^>]*>.*?</tr>", sys.stdin.read(), re.S):
    if "disabled@scan.test" in row:
        print(re.search(r"/admin/users/([^/\"]+)/edit", row).group(1))')
post "$ADMIN_JAR" "/admin/users/$disabled_user/edit" "/admin/users/$disabled_user/disable" >/dev/null
for _ in 1 2 3 4 5; do post "$WORK/lockout.jar" /account/login /account/login Email=reset@scan.test "Password=wrong-$RANDOM" >/dev/null 2>&1 || true; done
post "$ADMIN_JAR" /admin/organizations/new /admin/organizations/new "Form.Name=扫描停用单位" Form.Kind=Body Form.SortOrder=2 \
  Form.ContactLimit=5 >/dev/null
inactive_org=$("${CURL[@]}" -b "$ADMIN_JAR" "$BASE/admin/organizations" | grep -o 'href="/admin/organizations/[0-9]*/edit"' | grep -v "/$ORG/" \
  | sed -n 1p | grep -o '[0-9]\+')
post "$ADMIN_JAR" "/admin/organizations/$inactive_org/edit" "/admin/organizations/$inactive_org/deactivate" >/dev/null
post "$ADMIN_JAR" /admin/sections /admin/sections/new "Add.Name=扫描栏目" Add.Slug=scan-section Add.Kind=Articles >/dev/null
[[ -n $ACTIVATE_LINK && -n $RESET_LINK ]] || { log "no activation or reset link in $WORK/data/mail"; exit 1; }

JAR=$WORK/scanner.jar
log "signing in as $SCANNER_EMAIL (every role, 单位 $ORG, created by $ADMIN_EMAIL)"
sign_in "$JAR" "$SCANNER_EMAIL" "$SCANNER_PASSWORD"
# The Set-Cookie headers as the portal sends them (values cut), to check what wapiti says of cookie flags.
{ grep -i '^set-cookie:' "$WORK/answer.headers"; "${CURL[@]}" -D - -o /dev/null "$BASE/account/login" | grep -i '^set-cookie:'; } \
  | sed -E 's/=[^;]*;/=…;/' >"$OUT/set-cookie.txt"
SCANNER_ID=$("${CURL[@]}" -b "$JAR" "$BASE/admin/users" | python3 -c '
import re, sys
for row in re.findall(r"<tr[^>]*>.*?</tr>", sys.stdin.read(), re.S):
    if sys.argv[1] in row:
        print(re.search(r"/admin/users/([^/\"]+)/edit", row).group(1))' "$SCANNER_EMAIL")
[[ -n $SCANNER_ID ]] || { log "the scanner's own user id was not found"; exit 1; }

log "content to scan: a word, synonyms, a published issue with a dispatch, a draft issue, articles with a picture and a file, imports"
post "$JAR" /admin/words /admin/words/add "Add.Word=扫描词" >/dev/null
post "$JAR" /admin/search /admin/search/synonyms "Lines=扫描协=扫描测试计生协" >/dev/null || true
YEAR=$(date +%Y)
new_article() { # new_article TITLE -> id of an accepted article
  local loc a
  loc=$(post "$JAR" /editorial/articles/new /editorial/articles/new "Title=$1" "Body=$1的正文。" SectionId=1 "AttributionOrganization=扫描测试计生协")
  a=$(id_of "$loc")
  post "$JAR" "/editorial/articles/$a" "/editorial/articles/$a/transition" action=Accept >/dev/null
  echo "$a"
}
article=$(new_article 扫描用稿件一)
# A picture and an attachment (a zip) on the article before it is published: /media/{id}, its sizes and download.
python3 - "$WORK" <<'PY'
import struct, sys, zipfile, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
rows = b"".join(b"\0" + b"".join(bytes([x * 4 % 256, y * 4 % 256, 128]) for x in range(64)) for y in range(64))
open(sys.argv[1] + "/scan.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
                                            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
with zipfile.ZipFile(sys.argv[1] + "/scan.zip", "w") as z:
    z.writestr("说明.txt", "扫描用附件。")
PY
log "picture upload: $(upload "$JAR" "/editorial/articles/$article/edit" "/editorial/articles/$article/media" "$WORK/media1.html" \
  "files=@$WORK/scan.png;type=image/png" kind=picture "caption=扫描图片" "alt=扫描图片")"
log "attachment upload: $(upload "$JAR" "/editorial/articles/$article/edit" "/editorial/articles/$article/media" "$WORK/media2.html" \
  "files=@$WORK/scan.zip;type=application/zip" kind=attachment "caption=扫描附件")"
loc=$(post "$JAR" /editorial/issues/new /editorial/issues/new "Year=$YEAR" Number=90 SerialNumber=990 CoverMonth=1 Visibility=Public)
issue=$(id_of "$loc")
post "$JAR" "/editorial/issues/$issue" "/editorial/issues/$issue/place" "articleId=$article" sectionId=1 >/dev/null
post "$JAR" "/editorial/issues/$issue" "/editorial/issues/$issue/transition" Action=SubmitForReview >/dev/null
post "$JAR" "/editorial/issues/$issue" "/editorial/issues/$issue/transition" Action=Approve HitsReviewed=true >/dev/null
post "$JAR" "/editorial/issues/$issue" "/editorial/issues/$issue/transition" Action=Publish ConfidentialityConfirmed=true SendEmail=true >/dev/null
post "$JAR" "/editorial/articles/$article" "/editorial/articles/$article/comments" "body=扫描用意见。" >/dev/null || true
# A 增刊 (supplement), published without mail: the /issues/{year}/s{number} pages.
supplement_article=$(new_article 扫描用增刊稿件)
loc=$(post "$JAR" /editorial/issues/new /editorial/issues/new "Year=$YEAR" Number=1 IsSupplement=true CoverMonth=1 Visibility=Public)
supplement=$(id_of "$loc")
post "$JAR" "/editorial/issues/$supplement" "/editorial/issues/$supplement/place" "articleId=$supplement_article" sectionId=1 >/dev/null
post "$JAR" "/editorial/issues/$supplement" "/editorial/issues/$supplement/transition" Action=SubmitForReview >/dev/null
post "$JAR" "/editorial/issues/$supplement" "/editorial/issues/$supplement/transition" Action=Approve HitsReviewed=true >/dev/null
post "$JAR" "/editorial/issues/$supplement" "/editorial/issues/$supplement/transition" Action=Publish ConfidentialityConfirmed=true >/dev/null
# The dispatch wrote one .eml per address: scan2@ unsubscribes (its 单位 page then offers 重新订阅), scan@'s link is scanned.
unsubscribe_link() { # unsubscribe_link ADDRESS: the link of the List-Unsubscribe header of the mail to ADDRESS
  python3 - "$WORK/data/mail" "$1" <<'PY'
import email, email.policy, email.utils, pathlib, re, sys
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.eml")):
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    if email.utils.parseaddr(str(message["To"]))[1] == sys.argv[2] and message["List-Unsubscribe"]:
        print(re.sub(r"^https?://[^/]*", "", re.search(r"<([^>]+)>", str(message["List-Unsubscribe"])).group(1)))
        break
PY
}
for _ in $(seq 1 100); do [[ -n $(unsubscribe_link scan2@scan.test) && -n $(unsubscribe_link scan@scan.test) ]] && break; sleep 0.3; done
UNSUBSCRIBE_LINK=$(unsubscribe_link 'scan@scan.test')
unsubscribed=$(unsubscribe_link 'scan2@scan.test')
[[ -n $UNSUBSCRIBE_LINK && -n $unsubscribed ]] || { log "no unsubscribe link in the dispatch's mail"; exit 1; }
# (The one-click unsubscribe POST takes no antiforgery token: mail clients send it, RFC 8058.)
"${CURL[@]}" -o /dev/null --data "List-Unsubscribe=One-Click" "$BASE$unsubscribed"
for n in 2 3; do
  a=$(new_article "扫描用稿件$n")
  [[ $n == 2 ]] && draft_article=$a
done
loc=$(post "$JAR" /editorial/issues/new /editorial/issues/new "Year=$YEAR" Number=91 SerialNumber=991 CoverMonth=2 Visibility=Public)
draft=$(id_of "$loc")
post "$JAR" "/editorial/issues/$draft" "/editorial/issues/$draft/place" "articleId=$draft_article" sectionId=1 >/dev/null
post "$JAR" "/editorial/issues/$draft" "/editorial/issues/$draft/place" "articleId=$(new_article 扫描用稿件4)" sectionId=1 >/dev/null
post "$JAR" "/editorial/issues/$draft" "/editorial/issues/$draft/comments" "body=扫描用意见。" >/dev/null || true
post "$JAR" "/editorial/articles/$draft_article" "/editorial/articles/$draft_article/edit" "Title=扫描用稿件2（改）" \
  "Body=扫描用正文2，第二版。" SectionId=1 Version=2 >/dev/null || true
loc=$(post "$JAR" /editorial/articles/new /editorial/articles/new "Title=扫描用草稿" "Body=扫描用草稿正文。" SectionId=1)
draft_only=$(id_of "$loc")
# Imports: the seed issue file as one import (a draft issue) and as a batch (its preview page).
# (The batch first: after the single import its preview would offer nothing to apply.)
SEED=$(ls "$ROOT"/seeds/*.txt | sed -n 1p)
batch=$(upload "$JAR" /editorial/import /editorial/import/batches "$WORK/batch.html" "files=@$SEED;type=text/plain" | cut -d' ' -f2)
upload "$JAR" /editorial/import /editorial/import "$WORK/import.html" "file=@$SEED;type=text/plain" >/dev/null
# The answer pages of the two CSV previews hold the 确认导入 forms (reached by a POST only, so fetched here for the forms).
printf '姓名,邮箱,角色,单位\n导入用户,import1@scan.test,会员单位,扫描测试计生协\n' >"$WORK/users.csv"
upload "$JAR" /admin/users/import /admin/users/import "$WORK/users-preview.html" "file=@$WORK/users.csv;type=text/csv" >/dev/null
"${CURL[@]}" -b "$JAR" -o "$WORK/organizations.csv" "$BASE/admin/organizations/export"
upload "$JAR" /admin/organizations/import /admin/organizations/import "$WORK/organizations-preview.html" \
  "file=@$WORK/organizations.csv;type=text/csv" >/dev/null

# The scanner's cookies (sign-in and antiforgery) as one Cookie header, for both scanners. (A wapiti cookie file
# would not do: with the Host header below, wapiti's cookie jar files cookies under that name, not 127.0.0.1.)
COOKIES=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$JAR")

# --- start pages ------------------------------------------------------------------------------------------------
# Every page with a path parameter the crawlers would otherwise reach only by chance; the coverage check below
# compares them (and what wapiti crawled) with every GET route of the controllers.
links() { "${CURL[@]}" -b "$JAR" "$BASE$1" | grep -o "\\(href\\|src\\)=\"$2\"" | cut -d'"' -f2 | awk '!seen[$0]++' | sed -n "1,${3:-3}p"; }
# Pictures and files: what the article's pages link (sizes, download) and, for each id, the picture and its download.
media_urls=$( { "${CURL[@]}" -b "$JAR" "$BASE/articles/$article"; "${CURL[@]}" -b "$JAR" "$BASE/editorial/articles/$article/correct"; } \
  | grep -o '/media/[0-9]\+\(/[A-Za-z0-9.]*\)\?' | sort -u || true)
picture=$(echo "$media_urls" | grep -o '^/media/[0-9]*' | sed -n 1p || true)
dispatch=$(links /admin/dispatches '/admin/dispatches/[0-9]*' 1)
signed_in_pages() {
  cat <<EOF2
/editorial
/editorial/articles
/editorial/articles?filter=mine
/editorial/articles/new
/editorial/articles/$article
/editorial/articles/$draft_article/edit
/editorial/articles/$draft_only
/editorial/articles/$draft_only/edit
/editorial/articles/$draft_article/history
/editorial/articles/$draft_article/diff?from=1&to=2
/editorial/articles/$article/correct
/editorial/issues
/editorial/issues/new?year=$YEAR
/editorial/issues/$issue
/editorial/issues/$draft
/editorial/issues/$draft/preview
/editorial/issues/$draft/print
/editorial/issues/$draft/proof.pdf
/editorial/issues/$draft/original.pdf
/editorial/import
$batch
/notifications
/my/organization
/my/contributions?year=$YEAR
/my/deliveries
/admin/users
/admin/users/new
/admin/users/import
/admin/organizations
/admin/organizations/new
/admin/organizations/import
/admin/organizations/export
/admin/organizations/$ORG/edit
/admin/organizations/$ORG/deliveries
/admin/organizations/$inactive_org/edit
/admin/sections
/admin/sections/1
/admin/publication
/admin/words
/admin/audit?UserName=scanner&EntityType=Issue&From=$YEAR-01-01&To=$YEAR-12-31&Page=1
/admin/dispatches
$dispatch
/admin/statistics?year=$YEAR
/admin/statistics/export?year=$YEAR
/admin/statistics/export.xlsx?year=$YEAR
/admin/search
/account/password
EOF2
  links /editorial/issues '/editorial/issues/[0-9]*' 20
  links /admin/users '/admin/users/[^"]*/edit' 20 | grep -v "$SCANNER_ID"
}
anonymous_pages() {
  cat <<EOF2
/
/issues
/issues/$YEAR
/issues/$YEAR/90
/issues/$YEAR/s1
/issues/$YEAR/90/print
/issues/$YEAR/s1/print
/issues/$YEAR/90.pdf
/issues/$YEAR/s1.pdf
/issues/$YEAR/90/original.pdf
/issues/$YEAR/s1/original.pdf
/articles/$article
$media_urls
$(echo "$media_urls" | grep -o '^/media/[0-9]*' | sort -u | sed 'p; s#$#/download#')
/sections
/search?q=%E8%AE%A1%E7%94%9F%E5%8D%8F&section=1&year=$YEAR&org=%E8%87%AA%E6%B2%BB%E5%8C%BA&sort=Date&page=1
/feed.atom
/sitemap.xml
/account/login?returnUrl=%2Feditorial
/account/denied
/account/forgot
$ACTIVATE_LINK
$RESET_LINK
$UNSUBSCRIBE_LINK
EOF2
  local page
  for page in / /issues /sections "/issues/$YEAR/90" "/articles/$article"; do
    "${CURL[@]}" "$BASE$page" | grep -o '\(href\|src\)="/\(issues\|articles\|sections\|media\)/[^"]*"' | cut -d'"' -f2
  done | awk -F/ '!seen[$2 "/" NF "/" ($2 == "sections" ? $3 : "")]++'
}
anonymous_pages | grep . | awk '!seen[$0]++' | sed "s#^#$BASE#" >"$OUT/anonymous-start-urls.txt"
signed_in_pages | grep . | awk '!seen[$0]++' | sed "s#^#$BASE#" >"$OUT/signed-in-start-urls.txt"
log "$(wc -l <"$OUT/anonymous-start-urls.txt") anonymous and $(wc -l <"$OUT/signed-in-start-urls.txt") signed-in start pages"

# --- forms: every form of every start page, one per route pattern ------------------------------------------------
# Never the sign-out form (on every page) nor the scanner's own account (a password reset would end the session).
EXCLUDE="^/account/logout\$|^/admin/users/$SCANNER_ID/"
fetch_pages() { # fetch_pages NAME JAR START_URL_FILE [extra "URL<TAB>file" lines...]
  local name=$1 jar=$2 n=0 url code; shift 2
  local starts=$1; shift
  mkdir -p "$WORK/pages-$name"
  : >"$WORK/pages-$name.tsv"
  while read -r url; do
    n=$((n + 1))
    code=$("${CURL[@]}" -b "$jar" -o "$WORK/pages-$name/$n.html" -w '%{http_code}' "$url" || true)
    printf '%s\t%s\n' "$url" "$WORK/pages-$name/$n.html" >>"$WORK/pages-$name.tsv"
    printf '%s\t%s\n' "$url" "$code" >>"$OUT/$name-start-status.tsv"
  done <"$starts"
  local extra
  for extra in "$@"; do printf '%s\n' "$extra" >>"$WORK/pages-$name.tsv"; done
}
fetch_pages anonymous "$WORK/anonymous-forms.jar" "$OUT/anonymous-start-urls.txt"
fetch_pages signed-in "$JAR" "$OUT/signed-in-start-urls.txt" \
  "$BASE/admin/users/import	$WORK/users-preview.html" "$BASE/admin/organizations/import	$WORK/organizations-preview.html"
python3 scripts/scan-forms.py "$BASE" "$WORK/pages-anonymous.tsv" "$EXCLUDE" >"$OUT/anonymous-forms.tsv"
python3 scripts/scan-forms.py "$BASE" "$WORK/pages-signed-in.tsv" "$EXCLUDE" >"$OUT/signed-in-forms.tsv"
# Actions no page shows as a form here: the failed-recipient buttons of a dispatch (none fail with the pickup folder),
# 恢复发送 of a bounced address, replacing a picture (the editor's script). They are sent with the fields they take.
tok=$(token "$JAR" /account/password)
recipient=$(grep -ho 'name="recipientIds" value="[0-9]*"' "$WORK"/pages-signed-in/*.html | sed -n 1p | grep -o '[0-9]\+' || true)
contact=$(grep -ho "/admin/organizations/$ORG/contacts/[0-9]*/resubscribe" "$WORK"/pages-signed-in/*.html | sed -n 1p | cut -d/ -f6 || true)
[[ -n $recipient && -n $contact && -n $picture ]] || log "missing for the synthetic targets: recipient '$recipient', contact '$contact', picture '$picture'"
media=${picture#/media/}
{
  printf '%s\tPOST\t%s\t%s\t\tsynthetic: only for failed recipients\n' "/admin/dispatches/{id}/retry-failed" "$BASE$dispatch/retry-failed" "__RequestVerificationToken=$tok"
  printf '%s\tPOST\t%s\t%s\t\tsynthetic: only for failed recipients\n' "/admin/dispatches/{id}/recipients/{id}/resend" "$BASE$dispatch/recipients/$recipient/resend" "__RequestVerificationToken=$tok"
  printf '%s\tPOST\t%s\t%s\t\tsynthetic: only for failed recipients\n' "/admin/dispatches/{id}/recipients/{id}/mark-sent" "$BASE$dispatch/recipients/$recipient/mark-sent" "reason=%E6%89%AB%E6%8F%8F&__RequestVerificationToken=$tok"
  printf '%s\tPOST\t%s\t%s\t\tsynthetic: only for a bounced address\n' "/admin/organizations/{id}/contacts/{id}/resume" "$BASE/admin/organizations/$ORG/contacts/$contact/resume" "reason=%E6%89%AB%E6%8F%8F&__RequestVerificationToken=$tok"
  printf '%s\tPOST\t%s\t%s\tfile\tsynthetic: the editor script replaces a picture\n' "/editorial/articles/{id}/media/{id}/replace" "$BASE/editorial/articles/$article/media/$media/replace" "caption=%E6%89%AB%E6%8F%8F&alt=%E6%89%AB%E6%8F%8F&__RequestVerificationToken=$tok"
  printf '%s\tPOST\t%s\t%s\t\tsynthetic: the editor script previews Markdown\n' "/editorial/preview" "$BASE/editorial/preview" "body=%E6%89%AB%E6%8F%8F&__RequestVerificationToken=$tok"
} | while IFS=$'\t' read -r pat rest; do grep -q "^$pat	POST	" "$OUT/signed-in-forms.tsv" || printf '%s\t%s\n' "$pat" "$rest"; done \
  >>"$OUT/signed-in-forms.tsv"
log "forms: $(wc -l <"$OUT/anonymous-forms.tsv") anonymous and $(wc -l <"$OUT/signed-in-forms.tsv") signed-in route patterns"

# What each form answers once, sent as the scanners send it (a fresh token from the csrf page): 400 would mean the
# token did not pass, so sqlmap would never reach the action.
probe_forms() { # probe_forms NAME CSRF_PAGE COOKIE_HEADER(or empty)
  local name=$1 csrf=$2 cookie=$3 pat method url data files page jar=$WORK/probe-$1.jar tok
  while IFS=$'\t' read -r pat method url data files page; do
    local status
    if [[ $method == GET ]]; then
      status=$("${CURL[@]}" ${cookie:+-H "Cookie: $cookie"} -o /dev/null -w '%{http_code}' "$url")
    else
      rm -f "$jar"
      tok=$("${CURL[@]}" ${cookie:+-H "Cookie: $cookie"} -c "$jar" "$BASE$csrf" | grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' \
        | sed -n 1p | sed 's/.*value="\([^"]*\)".*/\1/')
      data=$(python3 -c 'import sys, urllib.parse as u
q = [(k, sys.argv[2] if k == "__RequestVerificationToken" else v) for k, v in u.parse_qsl(sys.argv[1], keep_blank_values=True)]
print(u.urlencode(q if any(k == "__RequestVerificationToken" for k, _ in q) else q + [("__RequestVerificationToken", sys.argv[2])]))' "$data" "$tok")
      status=$("${CURL[@]}" ${cookie:+-H "Cookie: $cookie"} -b "$jar" -o "$WORK/probe.html" -w '%{http_code}' --data "$data" "$url")
      # 400 with the portal's own answer (a form page with its messages) is the action refusing bad input, and fine;
      # the bare error page ("请求有误") is what a refused antiforgery token gets.
      [[ $status == 400 ]] && ! grep -q '请求有误，请检查后重试' "$WORK/probe.html" && status=400-answered
    fi
    printf '%s\t%s\t%s\n' "$pat" "$method" "$status"
  done <"$OUT/$name-forms.tsv" >"$OUT/$name-forms-probe.tsv"
}
probe_forms anonymous /account/login ""
probe_forms signed-in /account/password "$COOKIES"
log "forms refused (bare 400) at one plain submission: $(awk -F'\t' '$3 == 400' "$OUT"/*-forms-probe.tsv | wc -l)"

if [[ $MODE == setup ]]; then
  python3 scripts/scan-summary.py "$OUT" setup "" && exit 0 || exit 1
fi

# --- wapiti ----------------------------------------------------------------------------------------------------
# Debian's wapiti 3.0.4 turns every -x pattern into a regex with the flags at the end, which Python 3.11 refuses
# (re.error: global flags not at the start): the same function with the flags in front, then wapiti's own main.
WAPITI='import re, sys
import wapitiCore.net.crawler as crawler
crawler.wildcard_translate = lambda p: re.compile(p[11:]) if p.startswith("https://re/") else re.compile("(?ms)" + ".*".join(re.escape(x) for x in p.split("*")) + r"\Z")
# ASP.NET Core renders a new antiforgery token value into every form on every page view, so to wapiti each visit of a
# page made its forms new resources: a form posted during the crawl led back to its page and so on, 40 deep (its
# default depth). Two requests that differ only in the token value are the same resource here.
import wapitiCore.net.web as web
def same_but_token(self):
    if self._cached_hash is None:
        post = self._post_params
        post_kv = (tuple((p[0], "" if p[0] == "__RequestVerificationToken" else p[1]) for p in post) if isinstance(post, list)
                   else self._enctype + str(len(post)))
        self._cached_hash = hash((self._method, self._resource_path, tuple(tuple(p) for p in self._get_params), post_kv,
                                  tuple((p[0], p[1][0]) for p in self._file_params)))
    return self._cached_hash
web.Request.__hash__ = same_but_token
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())'
# (A pattern "https://re/…" is taken as a regular expression: scripts/scan-wapiti-exclude.py writes one that keeps one row of
# each route with ids, the start pages and sqlmap's forms, and leaves out the other rows.)
# ssrf and xxe are left out: they need wapiti's endpoint on the internet, which this machine cannot reach.
WAPITI_MODULES=sql,blindsql,exec,file,xss,permanentxss,redirect,crlf,csrf,http_headers,csp,cookieflags,methods,backup,htaccess
WAPITI_LIMITS=()
if [[ $MODE == quick ]]; then WAPITI_MODULES=sql,xss,csrf; WAPITI_LIMITS=(--max-attack-time 30); fi
run_wapiti() { # run_wapiti NAME START_URL_FILE [extra args]: no crawl or attack time limit, only the safety timeout
  local name=$1 starts=$2; shift 2
  local args=() url
  while read -r url; do args+=(-s "$url"); done <"$starts"
  log "wapiti ($name): crawl from $(wc -l <"$starts") start pages, then modules $WAPITI_MODULES"
  local code=0
  timeout "$SAFETY" /usr/bin/python3 -c "$WAPITI" -u "$BASE/" --scope folder -m "$WAPITI_MODULES" -H "Host: $HOST_NAME" \
    "${WAPITI_LIMITS[@]}" -t 30 --max-links-per-page 10000 \
    --store-session "$WORK/wapiti-$name" --flush-session --no-bugreport -v 1 \
    -x "$BASE/account/logout" -x "$BASE/admin/users/$SCANNER_ID/*" \
    -x "$(python3 scripts/scan-wapiti-exclude.py "$BASE" "$starts" "$OUT/$name-forms.tsv")" \
    "$@" "${args[@]}" -f json -o "$OUT/wapiti-$name.json" >"$OUT/wapiti-$name.log" 2>&1 || code=$?
  echo "$code" >"$OUT/wapiti-$name.exit"
  log "wapiti ($name) ended with exit code $code$( [[ $code == 124 ]] && echo ' (SAFETY TIMEOUT)')"
}

# --- sqlmap ----------------------------------------------------------------------------------------------------
# The scanned database is SQLite (the SQL Server provider runs the same EF Core queries): SQLite's payloads only.
# The cookies are Data Protection ciphertext and are not injected into; tampering with the antiforgery cookie
# would only make the portal issue a new one and end the run's valid tokens.
SQLMAP_LEVEL=(--level=2 --risk=1)
[[ $MODE == quick ]] && SQLMAP_LEVEL=(--level=1 --risk=1)
run_sqlmap() { # run_sqlmap NAME CSRF_PAGE START_URL_FILE [extra sqlmap args]
  local name=$1 csrf=$2 starts=$3; shift 3
  local dir=$OUT/sqlmap-$name
  mkdir -p "$dir"
  # URLs: numeric path segments, section slugs and tokens in the path get a * (a custom injection point); query
  # parameters are tested as they are. Feeds, the sitemap, pictures and files take no parameters but their ids.
  grep -v '\.atom$\|\.xml$' "$starts" | sed "s#^$BASE##" | sed -E 's#/([0-9]+)(/|\?|\.|$)#/\1*\2#g; s#/([0-9]+)(/|\?|\.|$)#/\1*\2#g; s#/s([0-9]+)(/|\?|\.|$)#/s\1*\2#g; s#/sections/([a-z0-9-]+)$#/sections/\1*#; s#/users/([0-9a-f-]{36})/#/users/\1*/#; s#/(unsubscribe|batches)/([A-Za-z0-9_-]+)$#/\1/\2*#' \
    | grep '[*?]' | sort -u | awk -v base="$BASE" '{ print "url\tGET\t" base $0 "\t\t" }' >"$dir/targets.tsv"
  awk -F'\t' -v base="$BASE$csrf" '{ print $1 "\t" $2 "\t" $3 "\t" $4 "\t" ($2 == "POST" ? base : "") }' "$OUT/$name-forms.tsv" >>"$dir/targets.tsv"
  if [[ $MODE == quick ]]; then
    { grep '^url' "$dir/targets.tsv" | sed -n 1,2p; grep -v '^url' "$dir/targets.tsv" | grep -v '{id}' | sed -n 1,2p
      grep -v '^url' "$dir/targets.tsv" | grep '{id}' | sed -n 1,2p; } >"$dir/quick.tsv" || true
    mv "$dir/quick.tsv" "$dir/targets.tsv"
  fi
  log "sqlmap ($name): $(grep -c '^url' "$dir/targets.tsv") URLs and $(grep -vc '^url' "$dir/targets.tsv") forms, $PARALLEL at a time"
  python3 scripts/scan-sqlmap.py "$dir/targets.tsv" "$dir" "$PARALLEL" "$SAFETY" -- --batch "${SQLMAP_LEVEL[@]}" --dbms=SQLite \
    --param-exclude='^(\.AspNetCore\.|newsletter\.)' --timeout=30 --retries=2 --host="$HOST_NAME" \
    --answers="resend original POST data=N" --ignore-code=404 "$@" >"$dir/progress.log" 2>&1 \
    || log "sqlmap ($name) driver exited with $?"
  log "sqlmap ($name) done: $(awk -F'\t' '$5 != 0' "$dir/results.tsv" | wc -l) of $(wc -l <"$dir/results.tsv") processes with a non-zero exit"
}

# Anonymous: both tools at once. Signed in: wapiti first crawls alone (sqlmap's posts would add 错敏词 and comments to
# the pages it is reading), then sqlmap starts while wapiti attacks.
run_wapiti anonymous "$OUT/anonymous-start-urls.txt" &
wapiti_pid=$!
run_sqlmap anonymous /account/login "$OUT/anonymous-start-urls.txt"
wait "$wapiti_pid" || true
run_wapiti signed-in "$OUT/signed-in-start-urls.txt" -H "Cookie: $COOKIES" &
wapiti_pid=$!
for _ in $(seq 1 1800); do
  grep -q 'Launching module' "$OUT/wapiti-signed-in.log" 2>/dev/null && break
  kill -0 "$wapiti_pid" 2>/dev/null || break
  sleep 2
done
log "wapiti (signed-in) crawled $(grep -c '^\[+\] \(GET\|POST\)' "$OUT/wapiti-signed-in.log" 2>/dev/null || true) resources; sqlmap starts"
run_sqlmap signed-in /account/password "$OUT/signed-in-start-urls.txt" --cookie="$COOKIES"
wait "$wapiti_pid" || true

# Still signed in at the end? (A scan that lost its session would have scanned the sign-in page only.)
still=$("${CURL[@]}" -b "$JAR" -o /dev/null -w '%{http_code}' "$BASE/admin/users")
log "GET /admin/users with the scanner's cookie at the end: $still"

set +e
trap - ERR
python3 scripts/scan-summary.py "$OUT" "$MODE" "$still" | tee "$OUT/summary.txt"
status=${PIPESTATUS[0]}
log "done in $(( ($(date +%s) - START_TIME) / 60 )) min; raw reports in $OUT"
exit $status
