#!/usr/bin/env bash
# Makes a private CA and the certificates for TLS on the probe link, with openssl (3.x):
#   make-certs.sh DIR COORDINATOR_NAMES [PROBE...]
#   DIR                where the PEM files go (created; existing CAs in it are reused, so it can add probes later)
#   COORDINATOR_NAMES  comma-separated DNS names probes use to reach the coordinators, e.g.
#                      quorate.example.com,coord-1.example.com (the probe checks the name it dialled is listed)
#   PROBE...           names of probe nodes that get a client certificate for mutual TLS, e.g. eu-west-1
# Writes ca.pem (give it to probes: --coordinator-ca), coordinator.pem + coordinator.key (--grpc-tls-cert,
# --grpc-tls-key), and with probes probe-ca.pem (--grpc-tls-client-ca) and probe-NAME.pem + probe-NAME.key
# (--tls-client-cert, --tls-client-key). Keep ca.key and probe-ca.key off the servers.
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,11p' "$0" >&2
  exit 2
fi
dir=$1
names=$2
shift 2
mkdir -p "$dir"
cd "$dir"
umask 077

# A P-256 key, unencrypted PKCS#8 ("BEGIN PRIVATE KEY"), which both the coordinator and the probe read.
new_ca() { # file-prefix common-name
  [ -f "$1.pem" ] && return 0
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -days 3650 \
    -keyout "$1.key" -out "$1.pem" -subj "/CN=$2" 2>/dev/null
}
issue() { # ca-prefix file-prefix common-name extensions
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -keyout "$2.key" -out "$2.csr" \
    -subj "/CN=$3" 2>/dev/null
  printf '%b' "$4" > "$2.ext"
  openssl x509 -req -in "$2.csr" -CA "$1.pem" -CAkey "$1.key" -CAcreateserial -days 825 \
    -extfile "$2.ext" -out "$2.pem" 2>/dev/null
  rm -f "$2.csr" "$2.ext"
}

new_ca ca "Quorate probe link CA"
san=$(printf '%s' "$names" | sed 's/[^,][^,]*/DNS:&/g')
issue ca coordinator "${names%%,*}" "subjectAltName=$san\nextendedKeyUsage=serverAuth\n"
if [ $# -gt 0 ]; then
  new_ca probe-ca "Quorate probe CA"
  for probe in "$@"; do
    issue probe-ca "probe-$probe" "$probe" "extendedKeyUsage=clientAuth\n"
  done
fi
chmod 644 ./*.pem
echo "certificates in $PWD: $(ls ./*.pem | tr '\n' ' ')"
