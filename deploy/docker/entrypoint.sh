#!/bin/sh
# Starts an hrm service. Before that, fills settings that one-shot services wrote at deploy time
# (today: the ledger contract addresses from `ledger-contracts`) into variables that are unset or
# empty, so an address given explicitly (an existing chain) always wins.
#   HRM_ENV_DIR   directory of KEY=value files (default /run/hrm-env); missing is fine
set -eu

env_dir="${HRM_ENV_DIR:-/run/hrm-env}"
for file in "$env_dir"/*.env; do
  [ -f "$file" ] || continue
  while IFS= read -r line || [ -n "$line" ]; do
    key="${line%%=*}"
    value="${line#*=}"
    case "$key" in
      '' | \#* | *[!A-Z0-9_]*) continue ;;
    esac
    eval "current=\${$key:-}"
    if [ -z "$current" ]; then
      export "$key=$value"
    fi
  done <"$file"
done

exec java -jar /app/app.jar "$@"
