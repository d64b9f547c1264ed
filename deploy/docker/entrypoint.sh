#!/bin/sh
# Starts an hrm service. Before that, fills settings that one-shot services wrote at deploy time into variables that
# are unset or empty, so an address given explicitly (an existing chain) always wins.
#   HRM_ENV_DIR   directory of KEY=value files (default /run/hrm-env); missing is fine
# Only the variables named in ALLOWED are taken, and only with the value shape they must have (an address): the files
# come from a volume another container writes, and a line such as JAVA_TOOL_OPTIONS=-javaagent:... or
# SPRING_CONFIG_IMPORT=... must never reach the JVM. Anything else is skipped and named on stderr.
set -eu

ALLOWED="HRM_LEDGER_CONTRACTS_PATIENT HRM_LEDGER_CONTRACTS_PRACTITIONER HRM_VAULT_CHAIN_CONTRACTS_PATIENT
HRM_VAULT_CHAIN_CONTRACTS_PRACTITIONER"

allowed() {
  for name in $ALLOWED; do
    [ "$name" = "$1" ] && return 0
  done
  return 1
}

is_address() {
  case "$1" in
    0x????????????????????????????????????????) ;;
    *) return 1 ;;
  esac
  case "${1#0x}" in
    *[!0-9a-fA-F]*) return 1 ;;
  esac
  return 0
}

env_dir="${HRM_ENV_DIR:-/run/hrm-env}"
for file in "$env_dir"/*.env; do
  [ -f "$file" ] || continue
  while IFS= read -r line || [ -n "$line" ]; do
    key="${line%%=*}"
    value="${line#*=}"
    case "$key" in
      '' | \#*) continue ;;
    esac
    if ! allowed "$key"; then
      echo "entrypoint: ignoring $key from $file (not an allowed setting)" >&2
      continue
    fi
    if ! is_address "$value"; then
      echo "entrypoint: ignoring $key from $file (not an address)" >&2
      continue
    fi
    eval "current=\${$key:-}"
    if [ -z "$current" ]; then
      export "$key=$value"
    fi
  done <"$file"
done

exec java -jar /app/app.jar "$@"
