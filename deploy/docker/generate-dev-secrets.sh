#!/usr/bin/env bash
# Creates fresh secrets for `docker-compose up` in deploy/docker/secrets/ (ignored by git), once:
#   vault-token-pin     the user PIN of the SoftHSM2 token that holds the key vault's master and pseudonym
#                       keys (docker secret; HRM_VAULT_PKCS11_PIN_FILE in the vault); the keys themselves are
#                       generated inside the token and never written anywhere
#   vault-token-so-pin  the token's security officer PIN, used once by vault-token-init
#   compose.env         variables for docker-compose --env-file: the ledger writer's signing key, the
#                       contracts' admin (deployer) key, Keycloak's admin password and client secrets
# Existing files are kept: a new PIN no longer opens the initialised token (whose keys every stored
# record needs), and a new signing key is no longer a writer of the deployed contracts.
#
#   deploy/docker/generate-dev-secrets.sh
#   docker-compose --env-file deploy/docker/secrets/compose.env up -d
set -euo pipefail

dir="$(cd "$(dirname "$0")" && pwd)/secrets"
mkdir -p "$dir"
umask 077

random_base64() { openssl rand -base64 32; }
# 32 random bytes as a secp256k1 private key (a value outside the curve order is vanishingly unlikely).
random_key() { echo "0x$(openssl rand -hex 32)"; }

for pin in vault-token-pin vault-token-so-pin; do
  if [[ -f "$dir/$pin" ]]; then
    echo "keeping $dir/$pin"
  else
    openssl rand -hex 16 >"$dir/$pin"
    # The vault runs as uid 10001 in its container and reads the bind-mounted file.
    chmod 0444 "$dir/$pin"
    echo "wrote $dir/$pin"
  fi
done

if [[ -f "$dir/compose.env" ]]; then
  echo "keeping $dir/compose.env"
else
  cat >"$dir/compose.env" <<ENV
HRM_LEDGER_CHAIN_ID=1337
HRM_LEDGER_SIGNING_KEY=$(random_key)
HRM_LEDGER_DEPLOYER_KEY=$(random_key)
KEYCLOAK_ADMIN_PASSWORD=$(openssl rand -hex 16)
HRM_GATEWAY_CLIENT_SECRET=$(openssl rand -hex 24)
HRM_HOSPITAL_CLIENT_SECRET=$(openssl rand -hex 24)
ENV
  echo "wrote $dir/compose.env"
fi
