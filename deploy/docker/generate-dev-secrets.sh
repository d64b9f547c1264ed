#!/usr/bin/env bash
# Creates fresh secrets for `docker-compose up` in deploy/docker/secrets/ (ignored by git), once. Every secret is a
# file readable by its owner only (mode 0400, umask 077), mounted read-only into the one container that needs it as a
# docker secret; no secret is ever put on a command line of the services or in an environment variable.
#
#   vault-token-pin          user PIN of the SoftHSM2 token holding the vault's master and pseudonym keys
#                            (HRM_VAULT_PKCS11_PIN_FILE); the keys are generated inside the token, never written
#   vault-token-so-pin       the token's security officer PIN, used once by vault-token-init
#   vault-receipt-key        the vault's published signing key (P-256): signs RecordSealed, KeysDestroyed and
#                            erasure receipts (hrm.vault.receipt-key-file)
#   consent-signing-key      consent-service's decision signing key (P-256, hrm.consent.signing-key-file)
#   gateway-attestation-key  the gateway's attestation key (P-256, hrm.gateway.attestation.key-file)
#   ledger-signing-key       the ledger writer's secp256k1 key (hex), read as hrm.ledger.signing-key from a config
#                            tree; the deployer derives the first writer's address from it
#   ledger-deployer-key      the contracts' admin key (secp256k1, hex), used by the one-shot ledger-contracts only
#   besu-rpc-jwt-key         the P-256 key the RPC node's callers (ledger writer, vault, gateway, ledger-contracts)
#                            sign their short-lived JWTs with (hrm.ledger.rpc-token-key-file and the like)
#   besu-rpc-jwt-public.pem  its public half as PEM, for the RPC node (--rpc-http-authentication-jwt-public-key-file);
#                            not a secret, but mounted like one and owned by Besu's uid (HRM_BESU_UID, 1000)
#   vault-operator-key       the operator's P-256 key that signs vault commands (./hrm vault rotate|retire): for the
#                            operator's tooling on the host, mounted into no container; not generated when
#                            HRM_VAULT_OPERATOR_PUBLIC_KEY gives the public half of a key the operator keeps elsewhere
#   kafka-ca.key, kafka-ca.crt
#                            the CA of compose's Kafka listeners (P-256, PEM): its key signs the broker's certificate
#                            and is mounted into no container; its certificate is what Kafka's clients trust (the host's
#                            client files below name it), copied for the uids that read it as kafka-truststore.pem (the
#                            four services) and kafka-broker-truststore.pem (the broker and kafka-topics)
#   kafka-broker.pem         the broker's key (unencrypted PKCS#8) and certificate chain for the names kafka, localhost
#                            and 127.0.0.1, signed by that CA: its key store (ssl.keystore.type=PEM); delete it and rerun
#                            to issue a new one from the same CA
#   kafka-server-jaas.conf   the broker's JAAS file: its own admin login (PLAIN, broker-internal and kafka-init only)
#   kafka-admin.properties   kafka-init's client settings as that admin (topics, SCRAM users, ACLs), over SASL_SSL
#   kafka-scram-users        one line per principal: name and SCRAM password (kafka-init creates the credentials)
#   kafka-<service>-jaas     a service's SCRAM login, the property spring.kafka.properties.sasl.jaas.config
#   kafka-hrm-hospital-<id>.properties, kafka-hrm-operator.properties
#                            client settings for each hospital system (one principal per hospital, HRM_HOSPITALS,
#                            default "example") and operators' tooling on the host (127.0.0.1:29092, SASL_SSL trusting
#                            kafka-ca.crt by its path in this directory); a hospital
#                            named in HRM_HOSPITALS on a later run is added to kafka-scram-users and gets its file
#                            (restart kafka-init to create its credential and ACLs)
#   mongo-keyfile            the replica set members' shared key (internal authentication)
#   mongo-root-password      the root user, used by mongo-init only
#   mongo-users              one line per service user: name and password (mongo-init creates them)
#   mongo-<service>-uri      a service's connection string with its own user, the property spring.mongodb.uri
#   keycloak-tls.crt/.key    a self-signed P-256 certificate for Keycloak's HTTPS (localhost, keycloak): replace it
#                            with one the hospital's browsers trust
#   compose.env              public values only, for docker-compose --env-file: the chain id and the public halves
#                            of the keys above, which the other services trust; rewritten on every run, keeping
#                            the lines it does not manage (the images deploy/pin-images.sh pins, HRM_GATEWAY_PUBLIC_URL)
# P-256 keys are one line, the base64 of the 32-byte scalar; their public halves the base64 of the 65-byte point.
#
# Ownership: docker-compose (v1) bind-mounts secret files with their host owner and mode, so each file belongs to the
# uid that reads it: the services (HRM_SECRETS_UID, default 10001), the Kafka image's appuser (HRM_KAFKA_UID, 1000),
# MongoDB's mongodb user (HRM_MONGO_UID, 999), and for the host's tooling the user who ran sudo. That needs root
# (sudo); run as another user, the script leaves every file to that user and says so.
#
# Existing files are kept: a new PIN no longer opens the initialised token (whose keys every stored record needs), a
# new signing key is no longer a writer of the deployed contracts, a new published key is no longer trusted.
#
#   deploy/docker/generate-dev-secrets.sh      (HRM_SECRETS_DIR: another directory)
#   docker-compose --env-file deploy/docker/secrets/compose.env up -d
set -euo pipefail
umask 077

dir="${HRM_SECRETS_DIR:-$(cd "$(dirname "$0")" && pwd)/secrets}"
owner="${HRM_SECRETS_UID:-10001}"
kafka_uid="${HRM_KAFKA_UID:-1000}"
mongo_uid="${HRM_MONGO_UID:-999}"
besu_uid="${HRM_BESU_UID:-1000}"
host_uid="${SUDO_UID:-$(id -u)}"
# Kafka principals with their own SCRAM login: the four services, one per hospital system and operators' tooling
# (the same principals as deploy/kubernetes/kafka/users.yaml and hospitals.yaml, and deploy/docker/kafka/acls.txt,
# whose hrm-hospital-{hospital} lines kafka-init applies to each hospital).
services="hrm-key-vault hrm-ledger-writer hrm-consent hrm-gateway"
hospitals="${HRM_HOSPITALS:-example}"
hospital_principals=""
for hospital in $hospitals; do
  if [[ ! "$hospital" =~ ^[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?$ ]]; then
    echo "hospital id '$hospital': lower-case letters, digits and inner dashes only" >&2
    exit 2
  fi
  hospital_principals+=" hrm-hospital-$hospital"
done
host_principals="$hospital_principals hrm-operator"
mkdir -p "$dir"
chmod 0700 "$dir"
# Absolute: the host's Kafka client files name kafka-ca.crt by its path.
dir="$(cd "$dir" && pwd)"

random_hex() { openssl rand -hex "$1"; }
# 32 random bytes as a secp256k1 private key (a value outside the curve order is vanishingly unlikely).
random_secp256k1() { echo "0x$(random_hex 32)"; }

# Writes stdin to $dir/$1 unless it exists, read-only for its owner (uid $2, default $owner) and nobody else;
# returns 1 when the file was kept.
write_secret() {
  local file="$dir/$1" uid="${2:-$owner}"
  if [[ -e "$file" ]]; then
    echo "keeping $file" >&2
    cat >/dev/null
    return 1
  fi
  cat >"$file.tmp"
  chmod 0400 "$file.tmp"
  if [[ "$(id -u)" == 0 ]]; then
    chown "$uid:$uid" "$file.tmp"
  fi
  mv "$file.tmp" "$file"
  echo "wrote $file" >&2
}

# A fresh P-256 key: the scalar to $dir/$1 (if new, owned by uid $2), its public point (base64) on stdout either way.
p256_key() {
  local file="$dir/$1" der
  if [[ ! -e "$file" ]]; then
    # SEC1 DER of a named-curve P-256 key: the scalar at bytes 7..38, the uncompressed public point in the last 65.
    der=$(openssl ecparam -name prime256v1 -genkey -noout | openssl ec -outform DER 2>/dev/null | xxd -p | tr -d '\n')
    echo "${der:14:64}" | xxd -r -p | base64 -w0 | write_secret "$1" "${2:-$owner}" || true
  fi
  p256_public "$file"
}

# The public key of a one-line P-256 scalar file: its point in base64, or with "pem" a PEM SubjectPublicKeyInfo.
p256_public() {
  local scalar
  scalar=$(grep -v '^#' "$1" | head -n 1 | base64 -d | xxd -p | tr -d '\n')
  # SEC1 ECPrivateKey around the scalar, so openssl derives the point.
  if [[ "${2:-}" == pem ]]; then
    echo "30310201010420${scalar}a00a06082a8648ce3d030107" | xxd -r -p | openssl ec -inform DER -pubout 2>/dev/null
    return
  fi
  echo "30310201010420${scalar}a00a06082a8648ce3d030107" | xxd -r -p \
    | openssl ec -inform DER -pubout -outform DER 2>/dev/null | tail -c 65 | base64 -w0
}

random_hex 16 | write_secret vault-token-pin || true
random_hex 16 | write_secret vault-token-so-pin || true
random_secp256k1 | write_secret ledger-signing-key || true
random_secp256k1 | write_secret ledger-deployer-key || true
vault_public=$(p256_key vault-receipt-key)
consent_public=$(p256_key consent-signing-key)
gateway_public=$(p256_key gateway-attestation-key)
# The RPC node's JWT key: one key pair, because Besu trusts one public key. Every caller holds the private half and
# mints its own five-minute tokens naming only the methods it calls; the PEM always follows the key file.
p256_key besu-rpc-jwt-key >/dev/null
rpc_jwt_pem=$(p256_public "$dir/besu-rpc-jwt-key" pem)
if [[ -e "$dir/besu-rpc-jwt-public.pem" && "$(cat "$dir/besu-rpc-jwt-public.pem")" != "$rpc_jwt_pem" ]]; then
  rm -f "$dir/besu-rpc-jwt-public.pem"
fi
echo "$rpc_jwt_pem" | write_secret besu-rpc-jwt-public.pem "$besu_uid" || true
# The operator's key: with HRM_VAULT_OPERATOR_PUBLIC_KEY set (the public half of a key the operator keeps elsewhere),
# none is generated here.
if [[ -n "${HRM_VAULT_OPERATOR_PUBLIC_KEY:-}" ]]; then
  operator_public="$HRM_VAULT_OPERATOR_PUBLIC_KEY"
else
  operator_public=$(p256_key vault-operator-key "$host_uid")
fi

# A principal's SCRAM login: a service's JAAS property, or a host client's properties file.
kafka_login() {
  local principal="$1" login
  login="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$principal\" password=\"$2\";"
  if [[ " $services " == *" $principal "* ]]; then
    printf '%s' "$login" | write_secret "kafka-$principal-jaas"
  else
    printf 'bootstrap.servers=127.0.0.1:29092\nsecurity.protocol=SASL_SSL\nssl.truststore.type=PEM\nssl.truststore.location=%s\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=%s\n' \
      "$dir/kafka-ca.crt" "$login" | write_secret "kafka-$principal.properties" "$host_uid"
  fi
}

# Kafka's TLS (SASL_SSL on both listeners): a CA of this installation, and the broker's certificate signed by it for
# the names clients reach it by (kafka on the compose network, localhost and 127.0.0.1 on the host). Kafka reads the
# PEM files as they are; the broker's key is unencrypted PKCS#8 in a file only the broker's uid can read, like every
# other secret here (a key password would be one more secret in the same directory). Keys go through files of this
# owner-only directory, never a command line.
kafka_ca_config='[req]
distinguished_name = subject
[subject]
[authority]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash'
kafka_broker_extensions='basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:kafka, DNS:localhost, IP:127.0.0.1
authorityKeyIdentifier = keyid'
# Each file is made as *.new first, so a failing openssl leaves no empty file that a rerun would keep.
if [[ ! -e "$dir/kafka-ca.key" ]]; then
  # A new CA: the certificates of the old one (if any) are worthless now.
  rm -f "$dir/kafka-ca.crt" "$dir/kafka-broker.pem"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/kafka-ca.key.new" 2>/dev/null
  write_secret kafka-ca.key "$host_uid" <"$dir/kafka-ca.key.new"
  rm -f "$dir/kafka-ca.key.new"
fi
if [[ ! -e "$dir/kafka-ca.crt" ]]; then
  openssl req -x509 -new -key "$dir/kafka-ca.key" -sha256 -days 3650 -subj "/CN=hrm-compose-kafka-ca" \
    -config <(echo "$kafka_ca_config") -extensions authority -out "$dir/kafka-ca.crt.new" 2>/dev/null
  write_secret kafka-ca.crt "$host_uid" <"$dir/kafka-ca.crt.new"
  rm -f "$dir/kafka-ca.crt.new"
fi
if [[ ! -e "$dir/kafka-broker.pem" ]]; then
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/kafka-broker.key.new" 2>/dev/null
  openssl req -new -key "$dir/kafka-broker.key.new" -subj "/CN=kafka" -config <(echo "$kafka_ca_config") 2>/dev/null \
    | openssl x509 -req -CA "$dir/kafka-ca.crt" -CAkey "$dir/kafka-ca.key" -set_serial "0x$(random_hex 16)" \
      -sha256 -days 825 -extfile <(echo "$kafka_broker_extensions") -out "$dir/kafka-broker.crt.new" 2>/dev/null
  cat "$dir/kafka-broker.key.new" "$dir/kafka-broker.crt.new" "$dir/kafka-ca.crt" \
    | write_secret kafka-broker.pem "$kafka_uid" || true
  rm -f "$dir/kafka-broker.key.new" "$dir/kafka-broker.crt.new"
fi
# The CA certificate once more for each uid that reads it in a container; always the current one.
for copy in "kafka-truststore.pem:$owner" "kafka-broker-truststore.pem:$kafka_uid"; do
  if [[ -e "$dir/${copy%%:*}" && "$(cat "$dir/${copy%%:*}")" != "$(cat "$dir/kafka-ca.crt")" ]]; then
    rm -f "$dir/${copy%%:*}"
  fi
  write_secret "${copy%%:*}" "${copy#*:}" <"$dir/kafka-ca.crt" || true
done

# Kafka: SCRAM-SHA-512 for every client, the broker's own admin over PLAIN. The files are written together, from one
# set of passwords, only when none exists yet.
if [[ ! -e "$dir/kafka-scram-users" ]]; then
  admin_password=$(random_hex 24)
  cat <<JAAS | write_secret kafka-server-jaas.conf "$kafka_uid"
KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
    username="admin" password="$admin_password" user_admin="$admin_password";
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
JAAS
  cat <<PROPERTIES | write_secret kafka-admin.properties "$kafka_uid"
security.protocol=SASL_SSL
ssl.truststore.type=PEM
ssl.truststore.location=/run/secrets/kafka-broker-truststore.pem
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin_password";
PROPERTIES
  scram_users=""
  for principal in $services $host_principals; do
    password=$(random_hex 24)
    scram_users+="$principal $password"$'\n'
    kafka_login "$principal" "$password"
  done
  printf '%s' "$scram_users" | write_secret kafka-scram-users "$kafka_uid"
else
  # Hospitals added since the first run: a new line in kafka-scram-users (kept read-only for its owner).
  for principal in $hospital_principals; do
    if ! grep -q "^$principal " "$dir/kafka-scram-users"; then
      password=$(random_hex 24)
      chmod u+w "$dir/kafka-scram-users"
      echo "$principal $password" >>"$dir/kafka-scram-users"
      chmod 0400 "$dir/kafka-scram-users"
      kafka_login "$principal" "$password"
    fi
  done
fi

# Client files written before compose's Kafka had TLS (decision 0045): the same logins, now over SASL_SSL.
for file in "$dir"/kafka-admin.properties "$dir"/kafka-hrm-*.properties; do
  if [[ -e "$file" ]] && grep -qx 'security.protocol=SASL_PLAINTEXT' "$file"; then
    trust="$dir/kafka-ca.crt"
    [[ "$file" == */kafka-admin.properties ]] && trust=/run/secrets/kafka-broker-truststore.pem
    chmod u+w "$file"
    sed -i "s|^security.protocol=SASL_PLAINTEXT\$|security.protocol=SASL_SSL\nssl.truststore.type=PEM\nssl.truststore.location=$trust|" "$file"
    chmod 0400 "$file"
    echo "moved $file to SASL_SSL" >&2
  fi
done

# MongoDB: authentication on, one user per service database, the members authenticated by a shared key file.
random_hex 96 | write_secret mongo-keyfile "$mongo_uid" || true
random_hex 24 | write_secret mongo-root-password "$mongo_uid" || true
if [[ ! -e "$dir/mongo-users" ]]; then
  mongo_users=""
  for user in $services; do
    password=$(random_hex 24)
    mongo_users+="$user $password"$'\n'
    printf 'mongodb://%s:%s@mongo-1:27017,mongo-2:27017,mongo-3:27017/%s?replicaSet=rs0&authSource=admin' \
      "$user" "$password" "$user" | write_secret "mongo-$user-uri"
  done
  printf '%s' "$mongo_users" | write_secret mongo-users "$mongo_uid"
fi

# Keycloak's HTTPS certificate and key (the Keycloak image runs as uid 1000).
keycloak_uid="${HRM_KEYCLOAK_UID:-1000}"
if [[ ! -e "$dir/keycloak-tls.key" ]]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,DNS:keycloak" -keyout "$dir/keycloak-tls.key.new" \
    -out "$dir/keycloak-tls.crt.new" 2>/dev/null
  write_secret keycloak-tls.crt "$keycloak_uid" <"$dir/keycloak-tls.crt.new" || true
  write_secret keycloak-tls.key "$keycloak_uid" <"$dir/keycloak-tls.key.new" || true
  rm -f "$dir/keycloak-tls.crt.new" "$dir/keycloak-tls.key.new"
fi

# Public values only: everything here may be read by anyone who can read the compose file.
cat >"$dir/compose.env.tmp" <<ENV
HRM_LEDGER_CHAIN_ID=1337
HRM_VAULT_PUBLIC_KEY=$vault_public
HRM_CONSENT_PUBLIC_KEY=$consent_public
HRM_GATEWAY_ATTESTATION_PUBLIC_KEY=$gateway_public
HRM_VAULT_OPERATOR_PUBLIC_KEY=$operator_public
ENV
# Lines this script does not manage (the images deploy/pin-images.sh pins, HRM_GATEWAY_PUBLIC_URL...) are kept.
if [[ -f "$dir/compose.env" ]]; then
  grep -Ev '^(HRM_LEDGER_CHAIN_ID|HRM_VAULT_PUBLIC_KEY|HRM_CONSENT_PUBLIC_KEY|HRM_GATEWAY_ATTESTATION_PUBLIC_KEY|HRM_VAULT_OPERATOR_PUBLIC_KEY)=' \
    "$dir/compose.env" >>"$dir/compose.env.tmp" || true
fi
chmod 0644 "$dir/compose.env.tmp"
mv "$dir/compose.env.tmp" "$dir/compose.env"
echo "wrote $dir/compose.env (public keys only)" >&2

if [[ "$(id -u)" != 0 ]]; then
  echo "note: not root, so every secret file belongs to uid $(id -u): the containers (uids $owner, $kafka_uid," \
    "$mongo_uid, $besu_uid) cannot read them; run this script with sudo" >&2
fi
