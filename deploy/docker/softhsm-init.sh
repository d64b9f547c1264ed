#!/bin/sh
# compose's one-shot vault-token-init: initialises the SoftHSM2 token that stands in for the key vault's HSM, once.
# The token lives in the vault-token volume; the PINs come from the docker secrets vault-token-pin and
# vault-token-so-pin (deploy/docker/generate-dev-secrets.sh). A token already there is kept: a new one would hold
# no master key, and every stored record would be unreadable. The vault generates its keys inside the token on its
# first start (HRM_VAULT_PKCS11_INITIALIZE); they never leave it.
#
# softhsm2-util takes the PINs as arguments only: they are on this short-lived container's command line for the
# duration of one call. With a real HSM, its security officer initialises the token with the vendor's tools.
set -eu

if softhsm2-util --show-slots | grep -q "Label:.*hrm-vault"; then
  echo "token hrm-vault already initialised"
  exit 0
fi
pin="$(cat /run/secrets/vault-token-pin)"
so_pin="$(cat /run/secrets/vault-token-so-pin)"
softhsm2-util --init-token --free --label hrm-vault --so-pin "$so_pin" --pin "$pin"
