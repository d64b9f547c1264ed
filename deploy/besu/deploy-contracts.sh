#!/usr/bin/env bash
# Deploys one RecordLedger per domain (patient, practitioner) and writes their addresses, once.
#
# Runs in the `ledger-contracts` one-shot service (image deploy/docker/Dockerfile.ledger-contracts:
# Foundry's cast from npm, the bytecode compiled by the build) after the validators are healthy.
# The same as embedded-infra's LedgerDeployment does for the sandbox: constructor(firstWriter), signed
# by the deployer key, which becomes the contract's admin (the only account that can add writers).
#
# Output: $OUT_DIR/contracts.env with HRM_LEDGER_CONTRACTS_PATIENT / _PRACTITIONER (the ledger writer) and
# HRM_VAULT_CHAIN_CONTRACTS_PATIENT / _PRACTITIONER (the vault's release path, the same addresses). The service
# image's entrypoint (deploy/docker/entrypoint.sh) reads it when those variables are not set. If the file
# exists and both addresses hold code, nothing is deployed again: a second deployment would split
# the ledger in two.
#
# Environment:
#   HRM_LEDGER_RPC_URL           JSON-RPC endpoint of a node
#   HRM_LEDGER_CHAIN_ID          chain id to sign for
#   HRM_LEDGER_DEPLOYER_KEY_FILE file holding the private key (hex) of the contracts' admin
#   HRM_LEDGER_WRITER_ADDRESSES  comma-separated writer addresses (one per signing lane); or
#   HRM_LEDGER_SIGNING_KEY_FILE  file holding the single writer's key, whose address is used (docker-compose)
#   HRM_LEDGER_RPC_TOKEN_KEY_FILE the RPC node's JWT key (one line, base64 P-256 scalar): when set, every call carries
#                                a fresh five-minute ES256 token (a Besu RPC node with JWT authentication); unset:
#                                none (Anvil). The token goes to cast in ETH_RPC_HEADERS, never on a command line.
# Keys are read from files (docker or Kubernetes secrets), never from the environment. cast takes them as an
# argument: they are on this one-shot container's command lines for the duration of each call.
#   BYTECODE_FILE                RecordLedger.bin (default /opt/hrm/RecordLedger.bin)
#   OUT_DIR                      where contracts.env goes (default /ledger)
#   CHAIN_WAIT_SECONDS           how long to wait for the first block (default 300)
set -euo pipefail

: "${HRM_LEDGER_RPC_URL:?HRM_LEDGER_RPC_URL is required}"
: "${HRM_LEDGER_CHAIN_ID:?HRM_LEDGER_CHAIN_ID is required}"
: "${HRM_LEDGER_DEPLOYER_KEY_FILE:?HRM_LEDGER_DEPLOYER_KEY_FILE is required (file of the contracts admin key, hex)}"
deployer_key="$(tr -d '[:space:]' <"$HRM_LEDGER_DEPLOYER_KEY_FILE")"
BYTECODE_FILE="${BYTECODE_FILE:-/opt/hrm/RecordLedger.bin}"
OUT_DIR="${OUT_DIR:-/ledger}"
CHAIN_WAIT_SECONDS="${CHAIN_WAIT_SECONDS:-300}"
DEPLOY_GAS=3000000

log() { echo "deploy-contracts: $*" >&2; }

# A JWT for the RPC node, signed ES256 with the key of HRM_LEDGER_RPC_TOKEN_KEY_FILE, valid five minutes. The
# deployer holds the same key as the services, so its claim names every API the node serves (eth, net, web3): it
# would gain nothing by naming less, and cast's exact calls vary between versions.
rpc_token() {
  node -e '
    const crypto = require("crypto");
    const line = require("fs").readFileSync(process.argv[1], "utf8").split("\n")
      .map((each) => each.trim()).find((each) => each && !each.startsWith("#"));
    const d = Buffer.from(line, "base64");
    const ecdh = crypto.createECDH("prime256v1");
    ecdh.setPrivateKey(d);
    const point = ecdh.getPublicKey();
    const b64url = (bytes) => Buffer.from(bytes).toString("base64url");
    const key = crypto.createPrivateKey({ format: "jwk", key: { kty: "EC", crv: "P-256", d: b64url(d),
      x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) } });
    const claims = { sub: "hrm-ledger-contracts", permissions: ["eth:*", "net:*", "web3:*"],
      exp: Math.floor(Date.now() / 1000) + 300 };
    const input = b64url(JSON.stringify({ alg: "ES256", typ: "JWT" })) + "." + b64url(JSON.stringify(claims));
    const signature = crypto.sign("sha256", Buffer.from(input), { key, dsaEncoding: "ieee-p1363" });
    process.stdout.write(input + "." + b64url(signature));' "$HRM_LEDGER_RPC_TOKEN_KEY_FILE"
}

rpc() {
  local command="$1"
  shift
  if [[ -n "${HRM_LEDGER_RPC_TOKEN_KEY_FILE:-}" ]]; then
    ETH_RPC_HEADERS="Authorization: Bearer $(rpc_token)" cast "$command" --rpc-url "$HRM_LEDGER_RPC_URL" "$@"
  else
    cast "$command" --rpc-url "$HRM_LEDGER_RPC_URL" "$@"
  fi
}

writers() {
  if [[ -n "${HRM_LEDGER_WRITER_ADDRESSES:-}" ]]; then
    tr ',' ' ' <<<"$HRM_LEDGER_WRITER_ADDRESSES"
  elif [[ -n "${HRM_LEDGER_SIGNING_KEY_FILE:-}" ]]; then
    cast wallet address --private-key "$(tr -d '[:space:]' <"$HRM_LEDGER_SIGNING_KEY_FILE")"
  else
    log "set HRM_LEDGER_WRITER_ADDRESSES or HRM_LEDGER_SIGNING_KEY_FILE"
    exit 2
  fi
}

has_code() { [[ -n "$1" && "$(rpc code "$1")" != "0x" ]]; }

wait_for_blocks() {
  local deadline=$((SECONDS + CHAIN_WAIT_SECONDS))
  until [[ "$(rpc block-number 2>/dev/null || echo 0)" -gt 0 ]]; do
    if ((SECONDS > deadline)); then
      log "no block after ${CHAIN_WAIT_SECONDS}s at $HRM_LEDGER_RPC_URL (are 3 of 4 validators up?)"
      exit 1
    fi
    sleep 2
  done
}

send() {
  # Free gas (zero base fee): legacy transactions at gas price 0, as the ledger writer sends them.
  rpc send --private-key "$deployer_key" --chain "$HRM_LEDGER_CHAIN_ID" --legacy \
    --gas-price 0 --gas-limit "$DEPLOY_GAS" --json "$@"
}

deploy_ledger() {
  local first_writer="$1" args receipt
  args="$(cast abi-encode "constructor(address)" "$first_writer")"
  receipt="$(send --create "$(tr -d '[:space:]' <"$BYTECODE_FILE")${args#0x}")"
  node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
    if (r.status !== "0x1" && r.status !== 1 && r.status !== "1") { process.exit(1); }
    process.stdout.write(r.contractAddress);' <<<"$receipt"
}

existing="$OUT_DIR/contracts.env"
write_contracts() {
  mkdir -p "$OUT_DIR"
  cat >"$OUT_DIR/contracts.env.tmp" <<EOF
HRM_LEDGER_CONTRACTS_PATIENT=$1
HRM_LEDGER_CONTRACTS_PRACTITIONER=$2
HRM_VAULT_CHAIN_CONTRACTS_PATIENT=$1
HRM_VAULT_CHAIN_CONTRACTS_PRACTITIONER=$2
EOF
  mv "$OUT_DIR/contracts.env.tmp" "$existing"
}

if [[ -f "$existing" ]]; then
  patient="$(sed -n 's/^HRM_LEDGER_CONTRACTS_PATIENT=//p' "$existing")"
  practitioner="$(sed -n 's/^HRM_LEDGER_CONTRACTS_PRACTITIONER=//p' "$existing")"
  if has_code "$patient" && has_code "$practitioner"; then
    log "ledgers already deployed: patient $patient, practitioner $practitioner"
    # Rewritten so a file from an older deployer also names them for the vault.
    write_contracts "$patient" "$practitioner"
    exit 0
  fi
  log "$existing names contracts without code (a new chain?): deploying again"
fi

wait_for_blocks
read -r -a writer_list <<<"$(writers)"
declare -A address
for domain in patient practitioner; do
  address[$domain]="$(deploy_ledger "${writer_list[0]}")"
  for writer in "${writer_list[@]:1}"; do
    send "${address[$domain]}" "addWriter(address)" "$writer" >/dev/null
  done
  log "$domain ledger at ${address[$domain]}, writers ${writer_list[*]}"
done
write_contracts "${address[patient]}" "${address[practitioner]}"
