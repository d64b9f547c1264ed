#!/usr/bin/env bash
# Creates fresh secrets for `docker-compose up` in deploy/docker/secrets/ (ignored by git), once:
#   vault-token-pin     the user PIN of the SoftHSM2 token that holds the key vault's master and pseudonym
#                       keys (docker secret; HRM_VAULT_PKCS11_PIN_FILE in the vault); the keys themselves are
#                       generated inside the token and never written anywhere
#   vault-token-so-pin  the token's security officer PIN, used once by vault-token-init
#   gateway-attestation-key  the gateway's P-256 attestation key (base64 of the 32-byte scalar), mounted as a
#                       docker secret; its public half is HRM_GATEWAY_ATTESTATION_PUBLIC_KEY in compose.env,
#                       which consent-service trusts
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

if [[ -f "$dir/gateway-attestation-key" ]]; then
  echo "keeping $dir/gateway-attestation-key"
else
  # SEC1 DER of a named-curve P-256 key: the scalar at bytes 7..38, the uncompressed public point in the last 65.
  der=$(openssl ecparam -name prime256v1 -genkey -noout | openssl ec -outform DER 2>/dev/null | xxd -p | tr -d '\n')
  echo "${der:14:64}" | xxd -r -p | base64 -w0 >"$dir/gateway-attestation-key"
  chmod 0444 "$dir/gateway-attestation-key"
  gateway_attestation_public=$(echo "${der: -130}" | xxd -r -p | base64 -w0)
  echo "wrote $dir/gateway-attestation-key"
fi

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
if [[ -n "${gateway_attestation_public:-}" ]]; then
  # A new attestation key: consent-service must trust its public half (replacing an older line, if any).
  sed -i '/^HRM_GATEWAY_ATTESTATION_PUBLIC_KEY=/d' "$dir/compose.env"
  echo "HRM_GATEWAY_ATTESTATION_PUBLIC_KEY=$gateway_attestation_public" >>"$dir/compose.env"
fi
