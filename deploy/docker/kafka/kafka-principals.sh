#!/bin/bash
# compose's kafka-topics one-shot, after the topics: one SCRAM-SHA-512 credential per principal and the ACLs of
# acls.txt beside this script, as the broker's admin. Rerunning it is harmless (credentials are set again to the
# same passwords, existing ACLs are kept).
#   kafka-principals.sh --bootstrap-server kafka:9092 --command-config ADMIN.properties
# Passwords come from /run/secrets/kafka-scram-users (one "principal password" a line, a docker secret) and reach
# kafka-configs.sh in a file of this container's private /tmp, never on a command line.
set -euo pipefail
umask 077

bin=/opt/kafka/bin
users="${KAFKA_SCRAM_USERS:-/run/secrets/kafka-scram-users}"
acls="${KAFKA_ACLS:-$(dirname "$0")/acls.txt}"
config="$(mktemp)"
trap 'rm -f "$config"' EXIT

while read -r principal password; do
  [[ -n "$principal" ]] || continue
  printf 'SCRAM-SHA-512=[iterations=8192,password=%s]\n' "$password" >"$config"
  "$bin/kafka-configs.sh" "$@" --alter --entity-type users --entity-name "$principal" --add-config-file "$config"
done <"$users"
: >"$config"

# Hospital systems: every hrm-hospital-<id> user gets the hrm-hospital-{hospital} lines of acls.txt with {hospital}
# replaced by <id>.
hospitals=$(awk '$1 ~ /^hrm-hospital-[a-z0-9-]+$/ { sub(/^hrm-hospital-/, "", $1); print $1 }' "$users")

# One kafka-acls.sh call per principal, resource type, pattern type and operation set (a JVM start each).
declare -A names
add_rule() {
  local key="$1 $2 $3 $5"
  names[$key]+=" $4"
}
while read -r principal type pattern name operations; do
  [[ -z "$principal" || "$principal" == \#* ]] && continue
  if [[ "$principal" == *"{hospital}"* ]]; then
    for hospital in $hospitals; do
      add_rule "${principal//\{hospital\}/$hospital}" "$type" "$pattern" "${name//\{hospital\}/$hospital}" "$operations"
    done
  else
    add_rule "$principal" "$type" "$pattern" "$name" "$operations"
  fi
done <"$acls"

for key in "${!names[@]}"; do
  read -r principal type pattern operations <<<"$key"
  # acls.txt spells pattern types as Strimzi does (literal, prefix); kafka-acls.sh wants literal or prefixed.
  [[ "$pattern" == prefix ]] && pattern=prefixed
  args=(--add --allow-principal "User:$principal" --resource-pattern-type "$pattern")
  for operation in ${operations//,/ }; do
    args+=(--operation "$operation")
  done
  for name in ${names[$key]}; do
    args+=("--$type" "$name")
  done
  "$bin/kafka-acls.sh" "$@" "${args[@]}" >/dev/null
  echo "ACLs: $principal $operations on $type ($pattern)${names[$key]}"
done
