#!/usr/bin/env bash
# Regenerates the x509 test certificates with the openssl CLI (OpenSSL 3.0+).
# Re-runnable: every output is rewritten; keys are made fresh in a temporary
# directory and thrown away, so only certificates, CSRs and public keys stay.
# The tests assert properties that do not depend on the keys (sizes, names,
# serials, dates), and compare everything else with OpenSSL itself.
set -euo pipefail

cd "$(dirname "$0")"
out=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ossl() { openssl "$@" 2>/dev/null; }

# A minimal `openssl ca` setup: only `ca` takes arbitrary start and end dates in 3.0.
ca_conf=$work/ca.cnf
mkdir -p "$work/ca"
cat >"$ca_conf" <<CNF
[ca]
default_ca = local
[local]
dir = $work/ca
database = \$dir/index.txt
new_certs_dir = \$dir
serial = \$dir/serial
default_md = sha256
policy = any
preserve = yes
email_in_dn = yes
unique_subject = no
[any]
commonName = supplied
[v3]
basicConstraints = critical,CA:FALSE
subjectKeyIdentifier = hash
CNF
reset_ca() { : >"$work/ca/index.txt"; echo 01 >"$work/ca/serial"; }

self_signed() {  # name keyopts... : a v3 self-signed certificate with SKI and a DNS SAN
  local name=$1; shift
  ossl genpkey "$@" -out "$work/$name.key"
  ossl req -x509 -new -key "$work/$name.key" -subj "/CN=$name.example.com/O=alicert tests" \
    -days 365 -addext "subjectAltName=DNS:$name.example.com" -out "$out/$name.pem"
}

# -- every key type --
self_signed rsa2048 -algorithm RSA -pkeyopt rsa_keygen_bits:2048
self_signed rsa3072 -algorithm RSA -pkeyopt rsa_keygen_bits:3072
self_signed rsa4096 -algorithm RSA -pkeyopt rsa_keygen_bits:4096
self_signed ec_p256 -algorithm EC -pkeyopt ec_paramgen_curve:P-256
self_signed ec_p384 -algorithm EC -pkeyopt ec_paramgen_curve:P-384
self_signed ec_p521 -algorithm EC -pkeyopt ec_paramgen_curve:P-521
self_signed ec_secp256k1 -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1
self_signed ed25519 -algorithm ED25519
self_signed ed448 -algorithm ED448
self_signed rsa_pss -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048
ossl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -out "$work/dsa.param"
self_signed dsa2048 -paramfile "$work/dsa.param"
# SM2 signed with SM3 (OpenSSL 3.0 signs SM2 with `-sm3` and the default distinguishing ID).
ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out "$work/sm2.key"
ossl req -x509 -new -key "$work/sm2.key" -sm3 -subj "/CN=sm2.example.com/O=alicert tests" \
  -days 365 -out "$out/sm2.pem"
# EC on an explicit curve (parameters written out instead of a curve OID).
ossl ecparam -name prime256v1 -param_enc explicit -genkey -out "$work/ec_explicit.key"
ossl req -x509 -new -key "$work/ec_explicit.key" -subj "/CN=explicit.example.com" -days 365 \
  -out "$out/ec_explicit.pem"
# A small RSA key, as old certificates carry.
ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:512 -out "$work/rsa512.key"
ossl req -x509 -new -key "$work/rsa512.key" -subj "/CN=rsa512.example.com" -days 365 -out "$out/rsa512.pem"

key=$work/ec_p256.key

# -- names --
ossl req -x509 -new -key "$key" -utf8 -days 365 -out "$out/name_utf8.pem" \
  -subj "/C=CN/O=阿里云计算有限公司/OU=Security/L=Hangzhou/ST=Zhejiang/CN=Aliyun"
ossl req -x509 -new -key "$key" -multivalue-rdn -days 365 -out "$out/name_multivalued.pem" \
  -subj "/C=CN/O=aliyun/OU=kms+CN=testCA/emailAddress=ca@example.com/DC=example/DC=com"
ossl req -x509 -new -key "$key" -days 365 -out "$out/name_escaped.pem" \
  -subj "/CN=a\\,b\\+c/O=Alibaba Cloud Computing Co.\\, Ltd./OU=x\"y<z>;#/L= lead and trail /serialNumber=42"
cat >"$work/mask.cnf" <<CNF
[req]
distinguished_name = dn
string_mask = default
prompt = no
[dn]
CN = Caf\\xC3\\xA9
CNF
# string_mask=default picks T61String for Latin-1 text, BMPString for other BMP
# characters and UniversalString beyond the BMP.
ossl req -x509 -new -key "$key" -utf8 -config "$work/mask.cnf" -days 365 -out "$out/name_bmp.pem" \
  -subj "/CN=阿里云/O=Ωmega"
ossl req -x509 -new -key "$key" -utf8 -config "$work/mask.cnf" -days 365 -out "$out/name_universal.pem" \
  -subj "/CN=smile 😀/O=plain"

# TeletexString, NumericString and UniversalString with ASCII cannot be asked of `req`:
# this certificate is written field by field (its signature is not valid, which
# d2i_X509 does not check). Its key is a real P-256 point.
point=$(ossl pkey -in "$key" -pubout -outform DER | tail -c 65 | xxd -p | tr -d '\n')
cat >"$work/t61.cnf" <<CNF
asn1 = SEQUENCE:cert
[cert]
tbs = SEQUENCE:tbs
alg = SEQUENCE:alg
sig = FORMAT:HEX,BITSTRING:30060201010201ff
[alg]
oid = OID:ecdsa-with-SHA256
[tbs]
version = EXPLICIT:0,INTEGER:2
serial = INTEGER:0x0badcafe
alg = SEQUENCE:alg
issuer = SEQUENCE:name
validity = SEQUENCE:validity
subject = SEQUENCE:name
spki = SEQUENCE:spki
[validity]
from = UTCTIME:240101000000Z
to = GENTIME:20500101000000Z
[spki]
alg = SEQUENCE:ecalg
key = FORMAT:HEX,BITSTRING:$point
[ecalg]
oid = OID:id-ecPublicKey
curve = OID:prime256v1
[name]
c = SET:c
o = SET:o
cn = SET:cn
[c]
atv = SEQUENCE:c_atv
[c_atv]
type = OID:countryName
value = PRINTABLESTRING:CH
[o]
atv = SEQUENCE:o_atv
atv2 = SEQUENCE:ou_atv
[o_atv]
type = OID:organizationName
value = FORMAT:UTF8,T61STRING:Zürich École
[ou_atv]
type = OID:organizationalUnitName
value = FORMAT:UTF8,UNIVERSALSTRING:unit ✓ 😀
[cn]
atv = SEQUENCE:cn_atv
atv2 = SEQUENCE:sn_atv
[cn_atv]
type = OID:commonName
value = FORMAT:UTF8,T61STRING:Café
[sn_atv]
type = OID:serialNumber
value = NUMERICSTRING:0123456789
CNF
ossl asn1parse -genconf "$work/t61.cnf" -noout -out "$out/name_t61.der"

# -- SANs of every GeneralName kind --
cat >"$work/san.cnf" <<CNF
[req]
distinguished_name = dn
x509_extensions = ext
prompt = no
[dn]
CN = san.example.com
[ext]
subjectAltName = @alt
subjectKeyIdentifier = hash
[alt]
DNS.1 = san.example.com
DNS.2 = *.wild.example.com
IP.1 = 192.0.2.1
IP.2 = 2001:db8::1
email.1 = admin@example.com
URI.1 = https://example.com/path?q=1
dirName.1 = dir_sect
otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:upn@example.com
RID.1 = 1.2.3.4.5
[dir_sect]
C = CN
O = Directory Org
CN = dir name
CNF
ossl req -x509 -new -key "$key" -config "$work/san.cnf" -days 365 -out "$out/san_all.pem"

# -- serials --
serial() {  # name hex
  ossl req -x509 -new -key "$key" -subj "/CN=serial $1" -days 365 -set_serial "0x$2" -out "$out/$1.pem"
}
serial serial_high_bit 80112233445566778899
serial serial_20_bytes 7fffffffffffffffffffffffffffffffffffff01
serial serial_20_bytes_high_bit ff00000000000000000000000000000000000001
serial serial_small 01
serial serial_zero 00

# -- dates (UTCTime until 2049, GeneralizedTime from 2050 and before 1950) --
dated() {  # name start end
  reset_ca
  ossl req -new -key "$key" -subj "/CN=$1" -out "$work/$1.csr"
  ossl ca -batch -config "$ca_conf" -selfsign -keyfile "$key" -extensions v3 \
    -startdate "$2" -enddate "$3" -in "$work/$1.csr" -notext -out "$out/$1.pem"
}
dated dates_1960_2060 19600101000000Z 20600101000000Z
dated dates_1950_2049 19500101000000Z 20491231235959Z
dated dates_1949_9999 19491231235959Z 99991231235959Z
dated dates_leap 20240229120000Z 20280229120000Z

# -- a v1 certificate (no extensions): `ca` without an extensions section writes v1 --
reset_ca
ossl req -new -key "$key" -subj "/CN=v1.example.com/O=old" -out "$work/v1.csr"
sed -e 's/^\[v3\]$/[unused]/' "$ca_conf" >"$work/ca_v1.cnf"
ossl ca -batch -config "$work/ca_v1.cnf" -selfsign -keyfile "$key" -days 365 -in "$work/v1.csr" \
  -notext -out "$out/v1.pem"

# -- a CA, an intermediate and a leaf; chain.pem holds the three, leaf first --
ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/root.key"
ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/inter.key"
ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/leaf.key"
ossl req -x509 -new -key "$work/root.key" -subj "/C=CN/O=aliyun/CN=Test Root CA" -days 3650 \
  -addext "basicConstraints=critical,CA:TRUE" -out "$out/chain_root.pem"
ossl req -new -key "$work/inter.key" -subj "/C=CN/O=aliyun/OU=kms/CN=testCA" -out "$work/inter.csr"
printf 'basicConstraints=critical,CA:TRUE\nsubjectKeyIdentifier=hash\n' >"$work/ca.ext"
ossl x509 -req -in "$work/inter.csr" -CA "$out/chain_root.pem" -CAkey "$work/root.key" -set_serial 2 \
  -days 1825 -extfile "$work/ca.ext" -out "$out/chain_intermediate.pem"
ossl req -new -key "$work/leaf.key" -subj "/C=CN/O=aliyun/CN=leaf.example.com" \
  -addext "subjectAltName=DNS:leaf.example.com,DNS:www.leaf.example.com" -out "$out/leaf.csr"
printf 'subjectAltName=DNS:leaf.example.com,DNS:www.leaf.example.com\nsubjectKeyIdentifier=hash\n' >"$work/leaf.ext"
ossl x509 -req -in "$out/leaf.csr" -CA "$out/chain_intermediate.pem" -CAkey "$work/inter.key" \
  -set_serial 0x0a0b0c -days 365 -extfile "$work/leaf.ext" -out "$out/chain_leaf.pem"
cat "$out/chain_leaf.pem" "$out/chain_intermediate.pem" "$out/chain_root.pem" >"$out/chain.pem"
ossl pkey -in "$work/leaf.key" -pubout -out "$out/leaf_public_key.pem"
ossl pkey -in "$work/sm2.key" -pubout -out "$out/sm2_public_key.pem"

# -- DER forms and hand-made malformed DER --
ossl x509 -in "$out/ec_p256.pem" -outform DER -out "$out/ec_p256.der"
ossl x509 -in "$out/rsa2048.pem" -outform DER -out "$out/rsa2048.der"
mkdir -p "$out/malformed"
der=$out/ec_p256.der
size=$(wc -c <"$der")
head -c $((size - 10)) "$der" >"$out/malformed/truncated.bin"
{ cat "$der"; printf '\x00'; } >"$out/malformed/trailing_data.bin"
# Outer length one larger than the content: runs past the end.
python_free_patch() {  # file offset hexbyte
  printf "$(printf '\\x%s' "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
cp "$der" "$out/malformed/overlong_length.bin"
len_lo=$(xxd -p -s 3 -l 1 "$der")
python_free_patch "$out/malformed/overlong_length.bin" 3 "$(printf '%02x' $((0x$len_lo + 1)))"
# A length of length 9 octets: more than OpenSSL (and alicert) represent.
{ printf '\x30\x89\x01\x00\x00\x00\x00\x00\x00\x00\x00'; tail -c +5 "$der"; } >"$out/malformed/length_too_long.bin"
# An INTEGER where the TBSCertificate SEQUENCE belongs.
cp "$der" "$out/malformed/bad_tag.bin"
python_free_patch "$out/malformed/bad_tag.bin" 4 02
printf '\x30\x00' >"$out/malformed/empty_sequence.bin"
: >"$out/malformed/empty.bin"
echo "wrote $(ls "$out"/*.pem "$out"/*.der | wc -l) files to $out"
