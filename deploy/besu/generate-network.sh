#!/usr/bin/env bash
# Generates the genesis file and the validator node keys of a QBFT network, once.
#
# Runs at deploy time inside the hyperledger/besu image (docker-compose service `besu-network`), or by
# hand for a Kubernetes install (see deploy/kubernetes/README.md). It calls
# `besu operator generate-blockchain-config` on qbft-config.json (beside this script), which writes
# genesis.json (with the QBFT extraData naming the validators) and one key pair per validator, and
# lays them out as:
#
#   $NETWORK_DIR/genesis.json            the chain; its presence marks a finished run
#   $NETWORK_DIR/validator-N/key         node private key of validator N (from FIRST_INDEX), mode 0600; with
#                                        KEY_DIRS, written to that validator's own directory instead (key)
#   $NETWORK_DIR/validator-N/key.pub     its public key (the enode id)
#   $NETWORK_DIR/validator-N/address     its address (the validator identity in QBFT votes)
#   $NETWORK_DIR/static-nodes.json       enode URLs of all validators, from VALIDATOR_ENDPOINTS
#
# It never regenerates: new keys or a new genesis would start a different chain, so an existing
# genesis.json ends the script (only ownership of the data directories is fixed up again).
#
# Environment:
#   NETWORK_DIR          output directory (default /network)
#   CHAIN_ID             chain id written into the genesis (default 1337, as in qbft-config.json);
#                        the ledger writer signs for it (HRM_LEDGER_CHAIN_ID)
#   VALIDATOR_ENDPOINTS  space-separated host:port of validators 1..N in order, for static-nodes.json;
#                        IP addresses unless the nodes run with --Xdns-enabled (Kubernetes does)
#   DATA_DIRS            space-separated data directories to hand to the besu user (docker volumes)
#   KEY_DIRS             space-separated directories of validators 1..N in order (docker-compose: each
#                        validator's own data volume): each private key goes to its validator's directory only,
#                        so no volume shared by all validators holds a key
#   BESU_UID             owner of everything written (default 1000, the besu user of the image)
#   CONFIG_TEMPLATE      QBFT config (default: qbft-config.json beside this script)
#   FIRST_INDEX          number of the first validator (default 1; 0 matches StatefulSet ordinals)
#
# Genesis choices the ledger writer relies on (qbft-config.json): Cancun at genesis (shanghaiTime and
# cancunTime 0; Solidity is compiled for cancun), zeroBaseFee (free gas, with --min-gas-price=0 on the
# nodes), 1 s blocks, a 1,000,000,000 block gas limit. No `pertxgaslimit` is set, so Besu keeps the
# 16,777,216 gas per-transaction cap; the writer's hrm.ledger.max-tx-gas (15,000,000) stays below it.
set -euo pipefail

NETWORK_DIR="${NETWORK_DIR:-/network}"
CHAIN_ID="${CHAIN_ID:-1337}"
VALIDATOR_ENDPOINTS="${VALIDATOR_ENDPOINTS:-}"
DATA_DIRS="${DATA_DIRS:-}"
KEY_DIRS="${KEY_DIRS:-}"
BESU_UID="${BESU_UID:-1000}"
CONFIG_TEMPLATE="${CONFIG_TEMPLATE:-$(dirname "$0")/qbft-config.json}"
FIRST_INDEX="${FIRST_INDEX:-1}"

log() { echo "generate-network: $*" >&2; }

hand_over() {
  # The validators run as the image's unprivileged besu user; fresh docker volumes belong to root.
  local dir
  for dir in "$NETWORK_DIR" $DATA_DIRS; do
    mkdir -p "$dir"
    chown -R "$BESU_UID:$BESU_UID" "$dir"
  done
}

if [[ -f "$NETWORK_DIR/genesis.json" ]]; then
  log "$NETWORK_DIR/genesis.json exists: keeping the network (regenerating would fork the chain)"
  hand_over
  exit 0
fi

[[ "$CHAIN_ID" =~ ^[0-9]+$ ]] || { log "CHAIN_ID must be a number, got '$CHAIN_ID'"; exit 2; }
read -r -a endpoints <<<"$VALIDATOR_ENDPOINTS"
read -r -a key_dirs <<<"$KEY_DIRS"
count="$(grep -o '"count": *[0-9]*' "$CONFIG_TEMPLATE" | grep -o '[0-9]*$')"
if [[ ${#endpoints[@]} -ne $count ]]; then
  log "VALIDATOR_ENDPOINTS names ${#endpoints[@]} endpoints, $CONFIG_TEMPLATE generates $count validators"
  exit 2
fi
if [[ ${#key_dirs[@]} -ne 0 && ${#key_dirs[@]} -ne $count ]]; then
  log "KEY_DIRS names ${#key_dirs[@]} directories, $CONFIG_TEMPLATE generates $count validators"
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -E "s/\"chainId\": *[0-9]+/\"chainId\": $CHAIN_ID/" "$CONFIG_TEMPLATE" >"$work/qbft-config.json"
besu operator generate-blockchain-config \
  --config-file="$work/qbft-config.json" \
  --to="$work/out" \
  --private-key-file-name=key \
  --public-key-file-name=key.pub

mkdir -p "$NETWORK_DIR"
# Key directories are named after the validator addresses; sorted, so validator N is deterministic.
mapfile -t addresses < <(ls "$work/out/keys" | sort)
enodes=()
for i in "${!addresses[@]}"; do
  n=$((i + FIRST_INDEX))
  target="$NETWORK_DIR/validator-$n"
  mkdir -p "$target"
  cp "$work/out/keys/${addresses[$i]}/key" "$work/out/keys/${addresses[$i]}/key.pub" "$target/"
  echo "${addresses[$i]}" >"$target/address"
  chmod 0600 "$target/key"
  if ((${#key_dirs[@]} > 0)); then
    mkdir -p "${key_dirs[$i]}"
    mv "$target/key" "${key_dirs[$i]}/key"
  fi
  public_key="$(tr -d '[:space:]' <"$target/key.pub")"
  enodes+=("\"enode://${public_key#0x}@${endpoints[$i]}\"")
  log "validator-$n is ${addresses[$i]} at ${endpoints[$i]}"
done
(IFS=,; echo "[${enodes[*]}]") >"$NETWORK_DIR/static-nodes.json"

# genesis.json last: its presence tells the validators (and a rerun) that the network is complete.
cp "$work/out/genesis.json" "$NETWORK_DIR/genesis.json.tmp"
mv "$NETWORK_DIR/genesis.json.tmp" "$NETWORK_DIR/genesis.json"
hand_over
log "chain $CHAIN_ID with $count QBFT validators written to $NETWORK_DIR"
