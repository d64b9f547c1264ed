#!/usr/bin/env bash
# Pins the deployment's third-party images (deploy/images.txt) by digest. For each image it asks the image's registry
# for the digest of its tag through the OCI distribution API (an anonymous pull token, then HEAD on the manifest,
# whose Docker-Content-Digest is the digest of the multi-platform index when there is one), and writes name:tag@digest
#   - into the compose env file: KAFKA_IMAGE=, MONGO_IMAGE=, ... lines, replacing those and keeping every other line
#     (JRE_IMAGE and NODE_IMAGE are the Dockerfiles' base images, passed by compose as build args);
#   - into deploy/kubernetes/kustomization.yaml: its images: block, one entry with newTag and digest per image the
#     manifests name.
# Every digest is resolved before anything is written, and each file is replaced whole (temporary file, then mv).
# Run it on a machine that reaches the registries; it needs bash, curl, grep, sed, awk.
#
#   deploy/pin-images.sh            resolve and write
#   deploy/pin-images.sh --check    no network: fail, naming each image, unless every one is pinned by digest
# Options: --env-file FILE (default $HRM_SECRETS_DIR/compose.env, else deploy/docker/secrets/compose.env),
#          --kustomization FILE (default deploy/kubernetes/kustomization.yaml), --images FILE (default deploy/images.txt).
# HRM_PIN_REGISTRIES="registry-1.docker.io=http://127.0.0.1:5000 quay.io=https://mirror.example" sends a registry's
# requests to another base URL (tests, mirrors); plain http only to 127.0.0.1.
set -euo pipefail
shopt -s inherit_errexit

root="$(cd "$(dirname "$0")/.." && pwd)"
images_file="$root/deploy/images.txt"
env_file="${HRM_SECRETS_DIR:-$root/deploy/docker/secrets}/compose.env"
kustomization="$root/deploy/kubernetes/kustomization.yaml"
check=false

die() {
  echo "pin-images: $*" >&2
  exit 1
}

while (($#)); do
  case "$1" in
    --check) check=true ;;
    --env-file | --kustomization | --images)
      (($# > 1)) || die "$1 needs a file"
      case "$1" in
        --env-file) env_file="$2" ;;
        --kustomization) kustomization="$2" ;;
        --images) images_file="$2" ;;
      esac
      shift
      ;;
    *) die "unknown argument $1 (use --check, --env-file, --kustomization, --images)" ;;
  esac
  shift
done

# Index and list first: a tag's digest is then the multi-platform one, the same on every node's architecture.
media_types="application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json"
media_types+=", application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json"
digest_pattern='^sha256:[0-9a-f]{64}$'

variables=()
images=()
kubernetes=()
[[ -r "$images_file" ]] || die "cannot read $images_file"
while read -r variable image used_by; do
  [[ -z "$variable" || "$variable" == \#* ]] && continue
  [[ "${image##*/}" == *:* ]] || die "$image in $images_file has no tag"
  variables+=("$variable")
  images+=("$image")
  if [[ " $used_by " == *" kubernetes "* ]]; then kubernetes+=("$image"); fi
done <"$images_file"
((${#images[@]})) || die "no images in $images_file"

# name:tag -> name, tag (the tag follows the last slash, so a registry port is not taken for one).
name_of() { echo "${1%:*}"; }
tag_of() { echo "${1##*:}"; }

# The kustomization's images: block, entry by entry (an entry starts at "- "). entries: a line "name newTag digest"
# per entry, - where absent. rewrite: the file without the block, then "images:" and, verbatim, the entries not named
# in $2 (an operator's own, e.g. for the hrm images' registry), for the pinned ones to follow.
images_block() {
  awk -v mode="$1" -v managed=" ${2:-} " '
    function flush() {
      if (entry != "") {
        if (mode == "entries") print (name == "" ? "-" : name), (tag == "" ? "-" : tag), (digest == "" ? "-" : digest)
        else if (index(managed, " " name " ") == 0) kept = kept entry
      }
      entry = name = tag = digest = ""
    }
    function value(line) {
      sub(/^[^:]*:[ \t]*/, "", line); gsub(/["\047]/, "", line); split(line, word, /[ \t]+/); return word[1]
    }
    /^images:/ { inside = 1; next }
    inside && !/^[ -]/ { flush(); inside = 0 }
    !inside { if (mode == "rewrite") print; next }
    /^ *- / { flush() }
    { entry = entry $0 "\n"; key = $0; sub(/^[ -]*/, "", key); sub(/:.*/, "", key) }
    key == "name" { name = value($0) }
    key == "newTag" { tag = value($0) }
    key == "digest" { digest = value($0) }
    END { flush(); if (mode == "rewrite") printf "images:\n%s", kept }
  ' "$kustomization"
}

if $check; then
  unpinned=()
  for i in "${!images[@]}"; do
    value=""
    if [[ -f "$env_file" ]]; then
      value="$(grep -E "^${variables[i]}=" "$env_file" | tail -n 1 | cut -d= -f2-)" || true
    fi
    if [[ "$value" != "${images[i]}@"* ]] || ! [[ "${value#"${images[i]}@"}" =~ $digest_pattern ]]; then
      unpinned+=("${images[i]}: ${variables[i]} in $env_file is '${value}', not ${images[i]}@sha256:<digest>")
    fi
  done
  entries=""
  [[ ! -f "$kustomization" ]] || entries="$(images_block entries)"
  for image in "${kubernetes[@]}"; do
    entry="$(awk -v name="$(name_of "$image")" '$1 == name' <<<"$entries" | tail -n 1)"
    read -r _ tag digest <<<"${entry:-- - -}"
    if [[ "$tag" != "$(tag_of "$image")" ]] || ! [[ "$digest" =~ $digest_pattern ]]; then
      unpinned+=("$image: no images: entry with newTag $(tag_of "$image") and a digest in $kustomization")
    fi
  done
  if ((${#unpinned[@]})); then
    printf 'pin-images: not pinned by digest: %s\n' "${unpinned[@]}" >&2
    echo "pin-images: ${#unpinned[@]} image(s) not pinned; run deploy/pin-images.sh where the registries are reachable" >&2
    exit 1
  fi
  echo "pin-images: all ${#images[@]} images pinned by digest in $env_file and $kustomization" >&2
  exit 0
fi

command -v curl >/dev/null || die "curl is needed"
work="$(mktemp -d)"
trap 'rm -rf "$work"; rm -f "${env_file}.pin-tmp" "${kustomization}.pin-tmp"' EXIT

# A registry's base URL: https, or http on the loopback only (a stub in tests), never plain http across a network.
base_url() {
  local host="$1" entry
  for entry in ${HRM_PIN_REGISTRIES:-}; do
    if [[ "${entry%%=*}" == "$host" ]]; then
      safe_url "${entry#*=}" || die "HRM_PIN_REGISTRIES: ${entry#*=} for $host is neither https nor http://127.0.0.1"
      echo "${entry#*=}"
      return
    fi
  done
  echo "https://$host"
}
safe_url() { [[ "$1" =~ ^https:// || "$1" =~ ^http://127\.0\.0\.1(:[0-9]+)?(/|$) ]]; }

# HEAD (or GET) with curl; headers in $work/headers, the status code printed. Fails only if nothing answered.
request() {
  curl -sS --max-time 30 -o "$work/body" -D "$work/headers" -w '%{http_code}' "$@" 2>"$work/error"
}
header() { tr -d '\r' <"$work/headers" | grep -i "^$1:" | tail -n 1 | sed 's/^[^:]*:[[:space:]]*//' || true; }
challenge() { sed -n "s/.*[ ,]$1=\"\\([^\"]*\\)\".*/\\1/p" <<<" $2"; }
unreachable() { die "$1: registry $2 unreachable: $(tail -n 1 "$work/error")"; }

resolve() {
  local image="$1" name tag host path base url status auth realm service scope token digest
  name="$(name_of "$image")"
  tag="$(tag_of "$image")"
  host="${name%%/*}"
  if [[ "$name" == */* && ( "$host" == *.* || "$host" == *:* || "$host" == localhost ) ]]; then
    path="${name#*/}"
  else
    host="registry-1.docker.io"
    path="$name"
    [[ "$path" == */* ]] || path="library/$path"
  fi
  base="$(base_url "$host")" || exit 1
  url="$base/v2/$path/manifests/$tag"
  status="$(request -I -H "Accept: $media_types" "$url")" || unreachable "$image" "$host"
  if [[ "$status" == 401 ]]; then
    auth="$(header www-authenticate)"
    [[ "$auth" =~ ^[Bb]earer ]] || die "$image: $host asked for '$auth', not an anonymous bearer token"
    realm="$(challenge realm "$auth")"
    service="$(challenge service "$auth")"
    scope="$(challenge scope "$auth")"
    safe_url "$realm" || die "$image: $host's token realm '$realm' is neither https nor http://127.0.0.1"
    status="$(request -G --data-urlencode "service=$service" --data-urlencode "scope=${scope:-repository:$path:pull}" \
      "$realm")" || unreachable "$image" "$realm"
    [[ "$status" == 200 ]] || die "$image: token realm $realm answered HTTP $status"
    token="$(tr -d '\n' <"$work/body" | sed -n 's/.*"token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
    [[ -n "$token" ]] || token="$(tr -d '\n' <"$work/body" \
      | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
    [[ -n "$token" ]] || die "$image: token realm $realm gave no token"
    status="$(request -I -H "Accept: $media_types" -H "Authorization: Bearer $token" "$url")" \
      || unreachable "$image" "$host"
  fi
  case "$status" in
    200) ;;
    404) die "$image: unknown image or tag at $host ($path:$tag, HTTP 404)" ;;
    *) die "$image: $host answered HTTP $status for $path:$tag" ;;
  esac
  digest="$(header docker-content-digest)"
  [[ -n "$digest" ]] || die "$image: $host sent no Docker-Content-Digest for $path:$tag"
  [[ "$digest" =~ $digest_pattern ]] || die "$image: $host sent a malformed digest '$digest'"
  echo "$digest"
}

pinned=()
for i in "${!images[@]}"; do
  echo "pin-images: resolving ${images[i]}" >&2
  digest="$(resolve "${images[i]}")" || exit 1
  pinned+=("${images[i]}@$digest")
  echo "pin-images: ${images[i]} -> $digest" >&2
done

# The replacement keeps the file's mode, and its owner where we may (run with sudo, as generate-dev-secrets.sh is).
keep_owner_and_mode() {
  chmod --reference="$1" "$1.pin-tmp"
  chown --reference="$1" "$1.pin-tmp" 2>/dev/null || true
}

# The env file: the variables' old lines dropped, every other line kept, the pinned ones added.
managed="^($(IFS='|'; echo "${variables[*]}"))="
if [[ -f "$env_file" ]]; then
  grep -Ev "$managed" "$env_file" >"${env_file}.pin-tmp" || true
  keep_owner_and_mode "$env_file"
else
  mkdir -p "$(dirname "$env_file")"
  : >"${env_file}.pin-tmp"
  chmod 0644 "${env_file}.pin-tmp"
fi
for i in "${!images[@]}"; do
  echo "${variables[i]}=${pinned[i]}" >>"${env_file}.pin-tmp"
done

# The kustomization: its images: block moved to the end, the pinned images' entries replaced, any other entry kept.
if ((${#kubernetes[@]})); then
  [[ -f "$kustomization" ]] || die "no kustomization at $kustomization"
  names=()
  for image in "${kubernetes[@]}"; do names+=("$(name_of "$image")"); done
  images_block rewrite "${names[*]}" >"${kustomization}.pin-tmp"
  for i in "${!images[@]}"; do
    for image in "${kubernetes[@]}"; do
      [[ "$image" == "${images[i]}" ]] || continue
      printf '  - name: %s\n    newTag: "%s"\n    digest: %s\n' "$(name_of "$image")" "$(tag_of "$image")" \
        "${pinned[i]##*@}" >>"${kustomization}.pin-tmp"
    done
  done
  keep_owner_and_mode "$kustomization"
fi

mv "${env_file}.pin-tmp" "$env_file"
echo "pin-images: wrote ${#images[@]} pinned images to $env_file" >&2
if ((${#kubernetes[@]})); then
  mv "${kustomization}.pin-tmp" "$kustomization"
  echo "pin-images: wrote the images: block of $kustomization" >&2
fi
printf '%s\n' "${pinned[@]}"
