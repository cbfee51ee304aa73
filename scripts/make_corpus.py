#!/usr/bin/env python3
"""Generate alicert's shipped corpus (corpus/) from scratch.

    python3 scripts/make_corpus.py            # rewrite corpus/, reusing corpus/keys/
    python3 scripts/make_corpus.py --fresh    # also regenerate every key and certificate

Python 3 standard library plus the `openssl` command (OpenSSL 3.0) only.

Every certificate is made by `openssl ca` with fixed serials and validity dates. Private keys,
CSRs and certificates are cached in corpus/keys/ together with the exact recipe that produced
them, so a re-run reproduces the corpus byte for byte (ECDSA and SM2 signatures are randomised
by OpenSSL 3.0, so without the cache those certificates would change on every run).

Every reported field of every positive document is computed from the parsed DER of the real
certificate (a small DER reader below), never typed in by hand; at the end each document is
decoded again and cross-checked (fingerprints, serials, dates, keys, SANs, domain coverage),
every PEM object is decoded by openssl, and positive documents are scanned for documentation
masks (`****`, `192.0.XX.XX`, `1644xx`). Any failure aborts with a message.
"""

from __future__ import annotations

import argparse
import base64
import calendar
import datetime as dt
import hashlib
import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
STATE = CORPUS / "keys"
OPENSSL = os.environ.get("OPENSSL", "openssl")
UTC = dt.timezone.utc


def die(msg: str) -> None:
    sys.exit(f"make_corpus: {msg}")


def ossl(*args: str, data: bytes | None = None, cwd: Path | None = None) -> bytes:
    r = subprocess.run([OPENSSL, *args], input=data, capture_output=True, cwd=cwd)
    if r.returncode != 0:
        die(f"openssl {' '.join(args)} failed:\n{r.stderr.decode(errors='replace')}")
    return r.stdout


def h(seed: str, n: int = 32) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


def uuid_of(seed: str, upper: bool = True) -> str:
    x = h(seed)
    u = f"{x[:8]}-{x[8:12]}-4{x[13:16]}-a{x[17:20]}-{x[20:32]}"
    return u.upper() if upper else u


def T(s: str) -> dt.datetime:
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


# --------------------------------------------------------------------------------------------
# A minimal DER reader: enough of X.509 and PKCS#10 to compute every reported field.
# --------------------------------------------------------------------------------------------

def tlv(b: bytes, i: int) -> tuple[int, int, int, int]:
    """(tag, content start, content end, element start) of the element at i."""
    start = i
    tag = b[i]
    ln = b[i + 1]
    i += 2
    if ln & 0x80:
        n = ln & 0x7F
        ln = int.from_bytes(b[i:i + n], "big")
        i += n
    if i + ln > len(b):
        raise ValueError("DER element runs past its parent")
    return tag, i, i + ln, start


def kids(b: bytes, s: int, e: int) -> list[tuple[int, int, int, int]]:
    out, i = [], s
    while i < e:
        t = tlv(b, i)
        out.append(t)
        i = t[2]
    return out


def oid_str(b: bytes) -> str:
    first = b[0]
    parts = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    v = 0
    for c in b[1:]:
        v = (v << 7) | (c & 0x7F)
        if not c & 0x80:
            parts.append(v)
            v = 0
    return ".".join(map(str, parts))


ATTR = {
    "2.5.4.6": "C", "2.5.4.8": "ST", "2.5.4.7": "L", "2.5.4.10": "O", "2.5.4.11": "OU",
    "2.5.4.3": "CN", "0.9.2342.19200300.100.1.1": "UID", "1.2.840.113549.1.9.1": "emailAddress",
    "0.9.2342.19200300.100.1.25": "DC", "2.5.4.5": "serialNumber", "2.5.4.9": "street",
}
SIG = {  # signature OID -> (family, hash, CAS-style name)
    "1.2.840.113549.1.1.5": ("RSA", "SHA1", "SHA1WITHRSA"),
    "1.2.840.113549.1.1.11": ("RSA", "SHA256", "SHA256WITHRSA"),
    "1.2.840.113549.1.1.12": ("RSA", "SHA384", "SHA384WITHRSA"),
    "1.2.840.113549.1.1.13": ("RSA", "SHA512", "SHA512WITHRSA"),
    "1.2.840.113549.1.1.10": ("RSA-PSS", "SHA256", "SHA256WITHRSAANDMGF1"),
    "1.2.840.10045.4.3.2": ("ECDSA", "SHA256", "SHA256WITHECDSA"),
    "1.2.840.10045.4.3.3": ("ECDSA", "SHA384", "SHA384WITHECDSA"),
    "1.2.840.10045.4.3.4": ("ECDSA", "SHA512", "SHA512WITHECDSA"),
    "1.2.156.10197.1.501": ("SM2", "SM3", "SM3WITHSM2"),
    "1.3.101.112": ("Ed25519", "", "ED25519"),
}
CURVES = {
    "1.2.840.10045.3.1.7": ("P-256", 256, "EC_P256"),
    "1.3.132.0.34": ("P-384", 384, "EC_P384"),
    "1.3.132.0.35": ("P-521", 521, "EC_P521"),
    "1.3.132.0.10": ("secp256k1", 256, "EC_P256K"),
    "1.2.156.10197.1.301": ("SM2", 256, "EC_SM2"),
}


def der_string(tag: int, v: bytes) -> str:
    if tag == 0x1E:
        return v.decode("utf-16-be")
    if tag == 0x1C:
        return v.decode("utf-32-be")
    if tag == 0x14:
        return v.decode("latin-1")
    return v.decode("utf-8")


def parse_name(b: bytes, s: int, e: int) -> list[list[tuple[str, str]]]:
    rdns = []
    for _, ss, se, _ in kids(b, s, e):  # SET
        rdn = []
        for _, as_, ae, _ in kids(b, ss, se):  # AttributeTypeAndValue
            (ot, os_, oe, _), (vt, vs, ve, _) = kids(b, as_, ae)
            rdn.append((ATTR[oid_str(b[os_:oe])], der_string(vt, b[vs:ve])))
        rdns.append(rdn)
    return rdns


def parse_time(tag: int, v: bytes) -> dt.datetime:
    s = v.decode()
    if tag == 0x17:  # UTCTime
        yy = int(s[:2])
        s = ("19" if yy >= 50 else "20") + s
    return dt.datetime.strptime(s, "%Y%m%d%H%M%SZ").replace(tzinfo=UTC)


def parse_spki(b: bytes, s: int, e: int) -> dict:
    (_, als, ale, _), (_, bs, be, _) = kids(b, s, e)
    alg = kids(b, als, ale)
    key_oid = oid_str(b[alg[0][1]:alg[0][2]])
    param = oid_str(b[alg[1][1]:alg[1][2]]) if len(alg) > 1 and alg[1][0] == 0x06 else None
    bits = b[bs + 1:be]  # BIT STRING value without its unused-bits byte
    if key_oid == "1.2.840.113549.1.1.1":
        _, ns, ne, _ = kids(bits, *tlv(bits, 0)[1:3])[0]
        n = int.from_bytes(bits[ns:ne], "big")
        alg_name, size, spec = "RSA", n.bit_length(), f"RSA_{n.bit_length()}"
    elif key_oid == "1.2.840.10045.2.1":
        curve, size, spec = CURVES[param]
        alg_name = "SM2" if curve == "SM2" else "EC"
    elif key_oid == "1.3.101.112":
        alg_name, size, spec = "Ed25519", None, None
    else:
        die(f"unexpected key algorithm {key_oid}")
    return {"key_oid": key_oid, "param": param, "bits": bits, "alg": alg_name, "size": size, "kms_spec": spec}


@dataclass
class CertInfo:
    name: str
    der: bytes
    pem: str
    version: int
    serial: int
    sig_oid: str
    issuer: list
    subject: list
    not_before: dt.datetime
    not_after: dt.datetime
    spki_der: bytes
    key: dict
    sans: list            # [(kind, value)] for every GeneralName; kinds dns ip email uri other
    ski_ext: bytes | None
    issuer_name: str | None = None  # our name of the issuing certificate (None: self-signed)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.der).hexdigest()

    @property
    def md5(self) -> str:
        return hashlib.md5(self.der).hexdigest()

    @property
    def ski_method1(self) -> bytes:
        return hashlib.sha1(self.key["bits"]).digest()

    def attr(self, which: str, a: str) -> str | None:
        for rdn in (self.subject if which == "subject" else self.issuer):
            for k, v in rdn:
                if k == a:
                    return v
        return None

    def reportable_sans(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in self.sans if k in ("dns", "ip", "email", "uri")]

    def dns_sans(self) -> list[str]:
        return [v for k, v in self.sans if k == "dns"]


def parse_cert(name: str, der: bytes) -> CertInfo:
    _, s, e, _ = tlv(der, 0)
    tbs, sigalg, _ = kids(der, s, e)
    f = kids(der, tbs[1], tbs[2])
    i, version = 0, 1
    if f[0][0] == 0xA0:
        v = kids(der, f[0][1], f[0][2])[0]
        version = der[v[1]] + 1
        i = 1
    serial_t, _, issuer_t, validity_t, subject_t, spki_t = f[i:i + 6]
    serial = int.from_bytes(der[serial_t[1]:serial_t[2]], "big", signed=True)
    sig_oid = oid_str(der[kids(der, sigalg[1], sigalg[2])[0][1]:kids(der, sigalg[1], sigalg[2])[0][2]])
    nb, na = (parse_time(t, der[a:z]) for t, a, z, _ in kids(der, validity_t[1], validity_t[2]))
    key = parse_spki(der, spki_t[1], spki_t[2])
    sans, ski = [], None
    for t, a, z, _ in f[i + 6:]:
        if t != 0xA3:
            continue
        for _, xs, xe, _ in kids(der, *kids(der, a, z)[0][1:3]):
            parts = kids(der, xs, xe)
            ext_oid = oid_str(der[parts[0][1]:parts[0][2]])
            val = der[parts[-1][1]:parts[-1][2]]
            if ext_oid == "2.5.29.14":
                _, vs, ve, _ = tlv(val, 0)
                ski = val[vs:ve]
            elif ext_oid == "2.5.29.17":
                _, gs, ge, _ = tlv(val, 0)
                for gt, vs, ve, _ in kids(val, gs, ge):
                    raw = val[vs:ve]
                    if gt == 0x81:
                        sans.append(("email", raw.decode()))
                    elif gt == 0x82:
                        sans.append(("dns", raw.decode()))
                    elif gt == 0x86:
                        sans.append(("uri", raw.decode()))
                    elif gt == 0x87:
                        sans.append(("ip", str(ipaddress.ip_address(raw))))
                    else:
                        sans.append(("other", raw.hex()))
    pem = to_pem(der, "CERTIFICATE")
    return CertInfo(name, der, pem, version, serial, sig_oid, parse_name(der, issuer_t[1], issuer_t[2]),
                    parse_name(der, subject_t[1], subject_t[2]), nb, na, der[spki_t[3]:spki_t[2]], key,
                    sans, ski)


def csr_spki(der: bytes) -> bytes:
    _, s, e, _ = tlv(der, 0)
    info = kids(der, s, e)[0]
    spki = kids(der, info[1], info[2])[2]
    return der[spki[3]:spki[2]]


def to_pem(der: bytes, label: str) -> str:
    b = base64.b64encode(der).decode()
    return f"-----BEGIN {label}-----\n" + "".join(b[i:i + 64] + "\n" for i in range(0, len(b), 64)) + \
        f"-----END {label}-----\n"


def pem_blocks(text: str) -> list[tuple[str, bytes]]:
    """Decode every PEM block of a reported text, whatever its shape (CRLF, spaces, literal \\n)."""
    t = text.replace("\\n", "\n")
    out = []
    for label, body in re.findall(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", t, re.S):
        b64 = re.sub(r"\s", "", body)
        if not re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", b64):
            die(f"non-base64 PEM body in a positive document: {b64[:40]}...")
        out.append((label, base64.b64decode(b64)))
    return out


# --------------------------------------------------------------------------------------------
# The certificates
# --------------------------------------------------------------------------------------------

@dataclass
class Spec:
    name: str
    key: tuple
    subject: list
    serial: int
    nb: str
    na: str
    md: str | None
    issuer: str | None = None        # None: self-signed
    ca: bool = False
    pathlen: int | None = None
    san: list = field(default_factory=list)
    eku: str = "serverAuth,clientAuth"
    pss: bool = False
    ski: str = "hash"                 # "hash" (RFC 5280 method 1) or "method2"
    v1: bool = False                  # no extensions at all: a version 1 certificate


CN_ALI = "阿里云计算有限公司"
INT_RSA_SUBJECT = [[("C", "CN")], [("ST", "Zhejiang")], [("L", "Hangzhou")], [("O", CN_ALI)], [("OU", "Security")],
                   [("CN", "alicert Test Issuing CA R2")]]

SPECS = [
    # RSA hierarchy: root (4096) -> issuing CA (3072) -> leaves
    Spec("root-rsa", ("rsa", 4096),
         [[("C", "CN")], [("O", "alicert Test PKI")], [("OU", "Root Authority")], [("CN", "alicert Test Root CA R1")]],
         0x01, "2015-01-01T00:00:00Z", "2045-01-01T00:00:00Z", "sha384", ca=True),
    Spec("int-rsa", ("rsa", 3072), INT_RSA_SUBJECT,
         0x8F3A5C7E9B1D2F40, "2016-01-01T00:00:00Z", "2036-01-01T00:00:00Z", "sha256", issuer="root-rsa",
         ca=True, pathlen=0),
    Spec("leaf-rsa2048", ("rsa", 2048),
         [[("C", "CN")], [("ST", "Zhejiang")], [("L", "Hangzhou")], [("O", CN_ALI)], [("OU", "Security")],
          [("CN", "www.aliyundoc.com")]],
         0x62B2B943A32D96883A6650E672EA02761C9E5D41, "2026-01-15T08:30:00Z", "2028-01-15T08:30:00Z", "sha256",
         issuer="int-rsa", eku="serverAuth",
         san=[("dns", "www.aliyundoc.com"), ("dns", "aliyundoc.com"), ("dns", "*.aliyundoc.com"),
              ("ip", "192.0.2.10"), ("ip", "2001:db8::10")]),
    Spec("leaf-rsa3072-client", ("rsa", 3072),
         [[("C", "US")], [("ST", "California")], [("L", "San Francisco")], [("O", "Example, Inc.")],
          [("OU", 'R+D "Blue" \\ Team')], [("CN", "Zhang San"), ("UID", "zhangsan")]],
         0xC3A19F00D2E4B6A8, "2025-06-01T00:00:00Z", "2027-06-01T00:00:00Z", "sha384", issuer="int-rsa",
         eku="clientAuth",
         san=[("email", "zhangsan@example.com"), ("uri", "spiffe://example.com/ns/prod/sa/zhangsan"),
              ("upn", "zhangsan@example.com"), ("dirname", [("O", "Example, Inc."), ("CN", "Zhang San")])]),
    Spec("leaf-rsa4096", ("rsa", 4096),
         [[("C", "CN")], [("ST", "Zhejiang")], [("L", "Hangzhou")], [("O", "Alibaba Cloud Computing Ltd.")],
          [("OU", "Security")], [("CN", "legacy.aliyundoc.com")]],
         int("A7" + h("leaf-rsa4096", 36), 16),  # 19 bytes, high bit set: 20 DER octets with the 00 sign byte
         "2021-10-15T07:45:58Z", "2022-10-15T07:45:58Z", "sha512", issuer="int-rsa", eku="serverAuth",
         san=[("dns", "legacy.aliyundoc.com"), ("dns", "api.aliyundoc.com"), ("ip", "198.51.100.7")]),
    # ECC hierarchy: root (P-384) -> issuing CA (P-384) -> leaves
    Spec("root-ec", ("ec", "secp384r1"),
         [[("C", "CN")], [("O", "alicert Test PKI")], [("CN", "alicert Test ECC Root CA E1")]],
         0x5EC00001, "2015-06-01T00:00:00Z", "2045-06-01T00:00:00Z", "sha384", ca=True),
    Spec("int-ec", ("ec", "secp384r1"),
         [[("C", "CN")], [("ST", "Zhejiang")], [("L", "Hangzhou")], [("O", CN_ALI)], [("OU", "ECC Issuing")],
          [("CN", "alicert Test ECC Issuing CA E2")]],
         0x1001, "2016-06-01T00:00:00Z", "2036-06-01T00:00:00Z", "sha384", issuer="root-ec", ca=True, pathlen=0),
    Spec("leaf-ec-p256", ("ec", "prime256v1"),
         [[("C", "CN")], [("ST", "Zhejiang")], [("L", "Hangzhou")], [("O", "Example Tech Co.")], [("OU", "Web")],
          [("CN", "www.example.com")], [("emailAddress", "admin@example.com")]],
         0x0ABCDEF012345678, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "sha256", issuer="int-ec",
         san=[("dns", "www.example.com"), ("dns", "example.com"), ("ip", "192.0.2.1"), ("ip", "2001:db8::1"),
              ("email", "admin@example.com"), ("uri", "https://www.example.com/")]),
    Spec("leaf-ec-p384", ("ec", "secp384r1"),
         [[("C", "SG")], [("ST", "Singapore")], [("L", "Singapore")], [("O", "Example CDN Pte. Ltd.")],
          [("CN", "*.cdn.example.org")]],
         0x3C5B7D9F, "2026-02-01T00:00:00Z", "2027-02-01T12:00:00Z", "sha384", issuer="int-ec", eku="serverAuth",
         san=[("dns", "*.cdn.example.org"), ("dns", "cdn.example.org")]),
    # self-signed ones
    Spec("ss-ec-p521", ("ec", "secp521r1"),
         [[("C", "DE")], [("L", "München")], [("O", "Beispiel GmbH")], [("CN", "p521.example.net")]],
         int("7F" + h("ss-ec-p521", 38), 16),  # 20 bytes, high bit clear
         "2015-12-21T08:02:07Z", "2098-02-08T08:02:07Z", "sha512", eku="serverAuth",
         san=[("dns", "p521.example.net"), ("dns", "www.p521.example.net")]),
    Spec("ss-ec-secp256k1", ("ec", "secp256k1"),
         [[("C", "CN")], [("O", "aliyun")], [("OU", "kms")], [("CN", "k1.example.com")]],
         0x2710, "2026-03-01T00:00:00Z", "2029-03-01T00:00:00Z", "sha256",
         san=[("dns", "k1.example.com")]),
    Spec("ss-ed25519", ("ed25519",),
         [[("C", "JP")], [("O", "Example KK")], [("CN", "ed25519.example.com")]],
         0x025519, "2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z", None,
         san=[("dns", "ed25519.example.com"), ("uri", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")]),
    Spec("ss-v1-nosan", ("rsa", 2048),
         [[("C", "CN")], [("O", "Legacy, Example + Co")], [("CN", "legacy-cdn.example.net")]],
         0x2A, "2019-12-31T23:59:59Z", "2049-12-31T23:59:59Z", "sha256", v1=True),
    Spec("ss-rsa2048-1950-9999", ("rsa", 2048),
         [[("C", "CN")], [("O", "alicert Test")], [("CN", "forever.example.com")]],
         0x7FFFFFFFFFFFFFFF, "1950-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "sha256",
         san=[("dns", "forever.example.com")]),
    # SM2 (SM3 signatures): CA -> leaf
    Spec("ca-sm2", ("sm2",),
         [[("C", "CN")], [("O", CN_ALI)], [("OU", "商用密码")], [("CN", "alicert 测试 SM2 根证书")]],
         0x5302, "2020-01-01T00:00:00Z", "2040-01-01T00:00:00Z", "sm3", ca=True),
    Spec("leaf-sm2", ("sm2",),
         [[("C", "CN")], [("ST", "浙江省")], [("L", "杭州市")], [("O", CN_ALI)], [("OU", "安全部")],
          [("CN", "sm2.aliyundoc.com")]],
         0x80, "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z", "sm3", issuer="ca-sm2",
         san=[("dns", "sm2.aliyundoc.com"), ("ip", "10.0.0.8")]),
    # KMS-style: CN=testCA,OU=kms,O=aliyun,C=CN (RSA 2048) -> leaves
    Spec("kms-ca", ("rsa", 2048),
         [[("C", "CN")], [("O", "aliyun")], [("OU", "kms")], [("CN", "testCA")]],
         0x01, "2020-01-01T00:00:00Z", "2040-01-01T00:00:00Z", "sha256", ca=True),
    Spec("kms-rsa2048", ("rsa", 2048),
         [[("C", "CN")], [("O", "aliyun")], [("OU", "aliyun")], [("CN", "userName")]],
         12345678, "2020-10-13T03:09:00Z", "2022-10-13T03:09:00Z", "sha256", issuer="kms-ca",
         san=[("dns", "test1.example.com"), ("dns", "test2.example.com")]),
    Spec("kms-rsa-pss", ("rsa", 2048),
         [[("C", "CN")], [("O", "aliyun")], [("OU", "kms")], [("CN", "pss.example.com")]],
         0x55AA55AA, "2026-01-15T00:00:00Z", "2027-01-15T00:00:00Z", "sha256", issuer="kms-ca", pss=True,
         san=[("dns", "pss.example.com"), ("ip", "203.0.113.5")]),
    Spec("kms-rsa3072", ("rsa", 3072),
         [[("C", "CN")], [("O", "aliyun")], [("OU", "kms")], [("CN", "rsa3072.example.com")]],
         0x3072, "2026-01-15T00:00:00Z", "2028-01-15T00:00:00Z", "sha256", issuer="kms-ca", ski="method2",
         san=[("dns", "rsa3072.example.com"), ("dns", "www.rsa3072.example.com"), ("ip", "2001:db8:abcd::3072")]),
]
# One certificate per hygiene warning (report.md, `warnings`) the others do
# not already raise (version_1: ss-v1-nosan; leaf_is_ca: any CA described).
SPECS += [
    Spec("hyg-rsa1024", ("rsa", 1024), [[("C", "CN")], [("O", "alicert Hygiene")], [("CN", "rsa1024.example.com")]],
         0x1024, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "sha256", san=[("dns", "rsa1024.example.com")]),
    Spec("hyg-sha1", ("rsa", 2048), [[("C", "CN")], [("O", "alicert Hygiene")], [("CN", "sha1.example.com")]],
         0x5A1, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "sha1", san=[("dns", "sha1.example.com")]),
    Spec("hyg-serial-zero", ("ec", "prime256v1"),
         [[("C", "CN")], [("O", "alicert Hygiene")], [("CN", "serial-zero.example.com")]],
         0x00, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "sha256", san=[("dns", "serial-zero.example.com")]),
    Spec("hyg-serial-21-octets", ("ec", "prime256v1"),
         [[("C", "CN")], [("O", "alicert Hygiene")], [("CN", "serial21.example.com")]],
         int("7F" + h("hyg-serial-21-octets", 40), 16), "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "sha256",
         san=[("dns", "serial21.example.com")]),
    Spec("hyg-validity-inverted", ("ec", "prime256v1"),
         [[("C", "CN")], [("O", "alicert Hygiene")], [("CN", "inverted.example.com")]],
         0x1A7, "2027-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "sha256", san=[("dns", "inverted.example.com")]),
]
SPECS.append(  # the issuing CA's name on another key: the impostor of the negative chain seeds
    Spec("impostor-int-rsa", ("rsa", 3072), INT_RSA_SUBJECT, 0x8F3A5C7E9B1D2F41, "2016-01-01T00:00:00Z",
         "2036-01-01T00:00:00Z", "sha256", ca=True))
SPEC = {s.name: s for s in SPECS}

CHAINS = {  # corpus/pem/chain-<leaf>.pem: leaf, then issuers
    "leaf-rsa2048": ["leaf-rsa2048", "int-rsa", "root-rsa"],
    "leaf-rsa3072-client": ["leaf-rsa3072-client", "int-rsa", "root-rsa"],
    "leaf-rsa4096": ["leaf-rsa4096", "int-rsa"],
    "leaf-ec-p256": ["leaf-ec-p256", "int-ec", "root-ec"],
    "leaf-ec-p384": ["leaf-ec-p384", "int-ec"],
    "leaf-sm2": ["leaf-sm2", "ca-sm2"],
    "kms-rsa2048": ["kms-rsa2048", "kms-ca"],
    "kms-rsa-pss": ["kms-rsa-pss", "kms-ca"],
    "kms-rsa3072": ["kms-rsa3072", "kms-ca"],
}

CA_CONF = """[ ca ]
default_ca = CA_default
[ CA_default ]
dir = .
database = ./index.txt
new_certs_dir = ./newcerts
serial = ./serial
default_md = sha256
policy = policy_anything
unique_subject = no
copy_extensions = none
email_in_dn = yes
string_mask = utf8only
utf8 = yes
[ policy_anything ]
countryName = optional
[ req ]
distinguished_name = req_dn
string_mask = utf8only
utf8 = yes
[ req_dn ]
"""


def subj_arg(rdns: list) -> str:
    def esc(v: str) -> str:
        return v.replace("\\", "\\\\").replace("/", "\\/").replace("+", "\\+")
    return "/" + "/".join("+".join(f"{a}={esc(v)}" for a, v in rdn) for rdn in rdns)


def spki_bits_of(spki_der: bytes) -> bytes:
    _, s, e, _ = tlv(spki_der, 0)
    _, bs, be, _ = kids(spki_der, s, e)[1]
    return spki_der[bs + 1:be]


def ext_text(sp: Spec, pubkey_der: bytes) -> str | None:
    if sp.v1:
        return None
    L = ["[ ext ]"]
    if sp.ca:
        L.append("basicConstraints = critical,CA:true" + (f",pathlen:{sp.pathlen}" if sp.pathlen is not None else ""))
        L.append("keyUsage = critical,keyCertSign,cRLSign")
    else:
        L.append("basicConstraints = CA:false")
        L.append("keyUsage = critical,digitalSignature" + (",keyEncipherment" if sp.key[0] == "rsa" else ""))
        L.append(f"extendedKeyUsage = {sp.eku}")
    if sp.ski == "method2":  # RFC 5280 4.2.1.2 (2): 0100 + the low 60 bits of the SHA-1
        d = bytearray(hashlib.sha1(spki_bits_of(pubkey_der)).digest()[-8:])
        d[0] = 0x40 | (d[0] & 0x0F)
        L.append("subjectKeyIdentifier = " + ":".join(f"{x:02X}" for x in d))
    else:
        L.append("subjectKeyIdentifier = hash")
    if sp.issuer:
        L.append("authorityKeyIdentifier = keyid:always")
    extra = []
    if sp.san:
        L.append("subjectAltName = @alt")
        L.append("[ alt ]")
        n = {}
        for kind, v in sp.san:
            key = {"dns": "DNS", "ip": "IP", "email": "email", "uri": "URI", "upn": "otherName",
                   "dirname": "dirName"}[kind]
            n[key] = n.get(key, 0) + 1
            if kind == "upn":
                v = f"1.3.6.1.4.1.311.20.2.3;UTF8:{v}"
            elif kind == "dirname":
                sect = f"dir_{n[key]}"
                extra += [f"[ {sect} ]"] + [f"{a} = {x}" for a, x in v]
                v = sect
            L.append(f"{key}.{n[key]} = {v}")
    return "\n".join(L + extra) + "\n"


RECIPES: dict[str, str] = {}   # corpus/keys/recipes.json: artefact file name -> SHA-256 of its recipe
USED: set[str] = set()


def cached(path: Path, recipe: str, produce) -> bytes:
    """The artefact at `path`, reused when it was made from the same recipe, else produced anew."""
    digest = hashlib.sha256(recipe.encode()).hexdigest()
    USED.add(path.name)
    if path.exists() and RECIPES.get(path.name) == digest:
        return path.read_bytes()
    data = produce()
    path.write_bytes(data)
    RECIPES[path.name] = digest
    return data


def make_certificates(work: Path) -> tuple[dict, dict]:
    STATE.mkdir(parents=True, exist_ok=True)
    conf = work / "ca.cnf"
    conf.write_text(CA_CONF)
    certs: dict[str, CertInfo] = {}
    csrs: dict[str, bytes] = {}
    for sp in SPECS:
        key_path = STATE / f"{sp.name}.key"
        kt = sp.key

        def genkey() -> bytes:
            if kt[0] == "rsa":
                a = ["-algorithm", "RSA", "-pkeyopt", f"rsa_keygen_bits:{kt[1]}"]
            elif kt[0] == "ec":
                a = ["-algorithm", "EC", "-pkeyopt", f"ec_paramgen_curve:{kt[1]}", "-pkeyopt",
                     "ec_param_enc:named_curve"]
            elif kt[0] == "sm2":
                a = ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2"]
            else:
                a = ["-algorithm", "ED25519"]
            return ossl("genpkey", *a)
        key = cached(key_path, repr(kt), genkey)
        pub = ossl("pkey", "-in", str(key_path), "-pubout", "-outform", "DER")
        subj = subj_arg(sp.subject)
        csr_md = ["-sm3"] if kt[0] == "sm2" else ([] if kt[0] == "ed25519" else ["-sha256"])
        csr_path = STATE / f"{sp.name}.csr"
        csr = cached(csr_path, json.dumps([subj, csr_md, h(key.decode())]),
                     lambda: ossl("req", "-new", "-config", str(conf), "-utf8", "-key", str(key_path),
                                  "-subj", subj, *csr_md, "-outform", "DER"))
        csrs[sp.name] = csr
        ext = ext_text(sp, pub)
        if sp.issuer:
            ipem, ikey = STATE / f"{sp.issuer}.crt", STATE / f"{sp.issuer}.key"
            issuer_hash = h(ipem.read_text() + ikey.read_text())
        else:
            ipem = ikey = None
            issuer_hash = "self"
        serial_hex = f"{sp.serial:X}"
        serial_hex = ("0" * (len(serial_hex) % 2)) + serial_hex
        md = ["-md", sp.md] if sp.md else ["-md", "default"]
        sigopt = ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"] if sp.pss else []
        nb = T(sp.nb).strftime("%Y%m%d%H%M%SZ")
        na = T(sp.na).strftime("%Y%m%d%H%M%SZ")
        recipe = json.dumps([CA_CONF, subj, ext, serial_hex, nb, na, md, sigopt, issuer_hash, h(pub.hex())])

        def issue() -> bytes:
            d = Path(tempfile.mkdtemp(dir=work))
            (d / "newcerts").mkdir()
            (d / "index.txt").write_text("")
            (d / "serial").write_text(serial_hex + "\n")
            (d / "req.csr").write_bytes(csr)
            args = ["ca", "-batch", "-config", str(conf), "-in", "req.csr", "-out", "out.pem", "-notext",
                    "-utf8", "-preserveDN", "-startdate", nb, "-enddate", na, *md, *sigopt]
            if ext:
                (d / "ext.cnf").write_text(ext)
                args += ["-extfile", "ext.cnf", "-extensions", "ext"]
            if ipem:
                args += ["-cert", str(ipem), "-keyfile", str(ikey)]
            else:
                args += ["-selfsign", "-keyfile", str(key_path)]
            (d / "req.csr").write_bytes(ossl("req", "-in", "req.csr", "-inform", "DER", cwd=d))
            ossl(*args, cwd=d)
            return ossl("x509", "-in", "out.pem", cwd=d)
        pem = cached(STATE / f"{sp.name}.crt", recipe, issue)
        der = pem_blocks(pem.decode())[0][1]
        c = parse_cert(sp.name, der)
        c.issuer_name = sp.issuer
        certs[sp.name] = c
        check_against_spec(sp, c, pub, certs)
    return certs, csrs


def check_against_spec(sp: Spec, c: CertInfo, pub: bytes, certs: dict) -> None:
    def bad(what):
        die(f"{sp.name}: generated certificate does not match its recipe: {what}")
    if c.serial != sp.serial:
        bad("serial")
    if c.not_before != T(sp.nb) or c.not_after != T(sp.na):
        bad("dates")
    if [sorted(r) for r in c.subject] != [sorted(r) for r in sp.subject]:
        bad(f"subject {c.subject}")
    want_issuer = certs[sp.issuer].subject if sp.issuer else c.subject
    if c.issuer != want_issuer:
        bad("issuer")
    if c.spki_der != pub:
        bad("public key")
    want = [(k, str(ipaddress.ip_address(v)) if k == "ip" else v) for k, v in sp.san if k in ("dns", "ip", "email", "uri")]
    if c.reportable_sans() != want:
        bad(f"SANs {c.reportable_sans()}")
    if (c.version == 1) != sp.v1:
        bad("version")
    if sp.ski == "hash" and not sp.v1 and c.ski_ext != c.ski_method1:
        bad("subjectKeyIdentifier")
    fam = SIG[c.sig_oid][0]
    issuer_key = certs[sp.issuer].key["alg"] if sp.issuer else c.key["alg"]
    if {"RSA": "RSA", "RSA-PSS": "RSA", "ECDSA": "EC", "SM2": "SM2", "Ed25519": "Ed25519"}[fam] != issuer_key:
        bad("signature family")
    if sp.pss != (fam == "RSA-PSS"):
        bad("PSS")


# --------------------------------------------------------------------------------------------
# JSON writing with full control: key order, duplicate keys, pretty/compact, \\u escapes.
# --------------------------------------------------------------------------------------------

class O:
    """An ordered JSON object; unlike a dict it may repeat a key."""

    def __init__(self, *pairs):
        self.pairs = list(pairs)

    def get(self, k, default=None):
        for a, b in self.pairs:
            if a == k:
                return b
        return default

    def set(self, k, v):
        for i, (a, _) in enumerate(self.pairs):
            if a == k:
                self.pairs[i] = (k, v)
                return self
        self.pairs.append((k, v))
        return self

    def drop(self, *ks):
        self.pairs = [(a, b) for a, b in self.pairs if a not in ks]
        return self

    def add(self, k, v):
        self.pairs.append((k, v))
        return self


def dumps(v, style: str = "pretty", ascii_: bool = False, indent: int = 2, lvl: int = 0) -> str:
    if v is None or isinstance(v, (bool, int, float, str)):
        return json.dumps(v, ensure_ascii=ascii_)
    if isinstance(v, dict):
        v = O(*v.items())
    if isinstance(v, O):
        items = [(json.dumps(k, ensure_ascii=ascii_), x) for k, x in v.pairs]
        open_, close = "{", "}"
    else:
        items = [(None, x) for x in v]
        open_, close = "[", "]"
    if not items:
        return open_ + close
    sub = [(k, dumps(x, style, ascii_, indent, lvl + 1)) for k, x in items]
    if style == "pretty":
        pad, pad_in = " " * (indent * lvl), " " * (indent * (lvl + 1))
        body = ",\n".join(pad_in + (f"{k}: {x}" if k else x) for k, x in sub)
        return f"{open_}\n{body}\n{pad}{close}"
    sep, kv = (",", ":") if style == "compact" else (", ", ": ")
    return open_ + sep.join((f"{k}{kv}{x}" if k else x) for k, x in sub) + close


def doc_text(v, style="pretty", ascii_=False, indent=2, final_newline=True) -> str:
    return dumps(v, style, ascii_, indent) + ("\n" if final_newline else "")


# --------------------------------------------------------------------------------------------
# Reported-value formatting, all derived from a CertInfo
# --------------------------------------------------------------------------------------------

def pem_shape(pem: str, shape: str) -> str:
    """Re-shape canonical PEM text (one or several blocks) the way responses carry it."""
    if shape == "lf":
        return pem
    if shape == "crlf":
        return pem.replace("\n", "\r\n")
    if shape == "spaces":  # as on the reference pages: "-----BEGIN ...----- MIIB... -----END ...-----"
        return " ".join(pem.split("\n")).strip()
    if shape == "nofinal":
        return pem.rstrip("\n")
    if shape == "ws":
        return "  \n\t" + pem + "\n  \t"
    if shape == "literal":  # a literal backslash-n left in the text
        return pem.replace("\n", "\\n")
    raise ValueError(shape)


def ms(t: dt.datetime) -> int:
    return calendar.timegm(t.utctimetuple()) * 1000


def iso(t: dt.datetime, frac: str = "", offset_h: int = 0) -> str:
    if offset_h:
        lt = t + dt.timedelta(hours=offset_h)
        return lt.strftime("%Y-%m-%dT%H:%M:%S") + frac + f"{'+' if offset_h > 0 else '-'}{abs(offset_h):02d}:00"
    return t.strftime("%Y-%m-%dT%H:%M:%S") + frac + "Z"


def go_time(t: dt.datetime, style: str = "utc") -> str:
    if style == "utc":
        return t.strftime("%Y-%m-%d %H:%M:%S +0000 UTC")
    if style == "frac":
        return t.strftime("%Y-%m-%d %H:%M:%S.123456789 +0000 UTC")
    if style == "cst":
        return (t + dt.timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S +0800 CST")
    if style == "iso":
        return iso(t)
    raise ValueError(style)


def days(c: CertInfo, up: bool = False) -> int:
    sec = int((c.not_after - c.not_before).total_seconds())
    return sec // 86400 + (1 if up and sec % 86400 else 0)


def hexfmt(x: int | bytes, fmt: str) -> str:
    if isinstance(x, int):
        s = f"{x:x}"
    else:
        s = x.hex()
    if fmt == "lower":
        return s
    if fmt == "upper":
        return s.upper()
    if fmt == "padded":  # the issuer padded the serial with leading zeros
        return "000" + s if isinstance(x, int) else s
    if fmt in ("colons", "colons_lower", "spaces"):
        s = ("0" * (len(s) % 2)) + s
        pairs = [s[i:i + 2] for i in range(0, len(s), 2)]
        if fmt == "colons":
            return ":".join(pairs).upper()
        if fmt == "colons_lower":
            return ":".join(pairs)
        return " ".join(pairs).upper()
    raise ValueError(fmt)


SPECIAL_4514 = ',+"\\<>;'


def esc4514(v: str, hexstyle: bool = False) -> str:
    out = []
    for i, ch in enumerate(v):
        special = ch in SPECIAL_4514 or (i == 0 and ch in "# ") or (i == len(v) - 1 and ch == " ")
        if hexstyle and (special or ord(ch) > 0x7E):
            out.append("".join(f"\\{b:02X}" for b in ch.encode()))
        elif special:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def dn(rdns: list, order: str | list = "forward", names: dict | None = None, hexstyle: bool = False,
       sep: str = ",") -> str:
    """DN text: 'forward' = DER order as the CAS sample (C=...,CN=...), 'reverse' = RFC 4514,
    or a list of attribute names giving the order."""
    names = names or {}
    rs = list(rdns)
    if order == "reverse":
        rs.reverse()
    elif isinstance(order, list):
        rs.sort(key=lambda r: order.index(r[0][0]) if r[0][0] in order else len(order))
    return sep.join("+".join(f"{names.get(a, a)}={esc4514(v, hexstyle)}" for a, v in r) for r in rs)


CAS_SAN_TYPE = {"email": 1, "dns": 2, "uri": 6, "ip": 7}


def cas_sans(pairs: list, shape: str):
    items = [(CAS_SAN_TYPE[k], v) for k, v in pairs]
    if shape == "doc_trailing":  # exactly the documented layout, trailing comma included
        return "[ " + "".join(f"{{\"Type\": {t}, \"Value\": {json.dumps(v, ensure_ascii=False)}}}, " for t, v in items) + "]"
    if shape == "doc":
        return "[ " + ", ".join(f"{{\"Type\": {t}, \"Value\": {json.dumps(v, ensure_ascii=False)}}}" for t, v in items) + " ]"
    if shape == "compact_trailing":
        return "[" + "".join(f"{{\"Type\":{t},\"Value\":{json.dumps(v)}}}," for t, v in items) + "]"
    if shape == "compact":
        return json.dumps([{"Type": t, "Value": v} for t, v in items], separators=(",", ":"))
    if shape == "array":
        return [O(("Type", t), ("Value", v)) for t, v in items]
    raise ValueError(shape)


def cas_sign_alg(c: CertInfo, case: str = "upper") -> str:
    s = SIG[c.sig_oid][2]
    if case == "lower":
        return s.lower()
    if case == "mixed":
        return s.replace("WITH", "With").replace("RSA", "Rsa").replace("ECDSA", "Ecdsa").replace("SHA", "Sha")
    if case == "java":
        return s.replace("WITH", "with")
    return s


def cas_algorithm(c: CertInfo) -> str:
    return {"RSA": "RSA", "EC": "ECC", "SM2": "SM2", "Ed25519": "Ed25519"}[c.key["alg"]]


def chain_pem(certs: dict, names: list) -> str:
    return "".join(certs[n].pem for n in names)


def issuers_of(certs: dict, c: CertInfo) -> list:
    out, cur = [], c
    while cur.issuer_name:
        cur = certs[cur.issuer_name]
        out.append(cur.name)
    return out


# --------------------------------------------------------------------------------------------
# CAS DescribeClientCertificate
# --------------------------------------------------------------------------------------------

ESCAPED_TAG_VALUE = '[{\\"tag\\":\\"PROPERTY_TYPE\\",\\"values\\":[]}]'  # as the sample's decoded text


def cas_doc(case: str, certs: dict, name: str, *, pem="lf", serial="lower", dn_text=None, names_from="subject",
            sans="doc_trailing", sans_list=None, dates="num", days_="num", days_up=False, keysize="num",
            algorithm=True, sign_case="upper", cert_type="SERVER", status="ISSUE",
            sha="lower", md5="lower", tags="escaped", newer=False, extra=(), dup=()) -> O:
    c = certs[name]
    parent = c.issuer_name or c.name
    who = "issuer" if names_from == "issuer" else "subject"

    def nm(a):
        v = c.attr(who, a)
        if v is None and who == "issuer":
            v = c.attr("subject", a)
        return v if v is not None else ""
    if sans_list is None:
        sans_list = c.reportable_sans()
    if sans in (None, "null"):
        sans_v = None
    elif sans == "empty":
        sans_v = ""
    elif sans == "empty_array":
        sans_v = "[]"
    else:
        sans_v = cas_sans(sans_list, sans)
    bd, ad = ms(c.not_before), ms(c.not_after)
    d = O(
        ("X509Certificate", pem_shape(c.pem, pem)),
        ("Identifier", h("cas-id:" + case)),
        ("SerialNumber", hexfmt(c.serial, serial)),
        ("SubjectDN", dn_text if dn_text is not None else dn(c.subject)),
        ("CommonName", c.attr("subject", "CN") or ""),
        ("OrganizationUnit", nm("OU")),
        ("Organization", nm("O")),
        ("Locality", nm("L")),
        ("State", nm("ST")),
        ("CountryCode", nm("C")),
        ("Sans", sans_v),
        ("Status", status),
        ("BeforeDate", str(bd) if dates == "str" else bd),
        ("AfterDate", str(ad) if dates == "str" else ad),
        ("Algorithm", cas_algorithm(c)),
        ("KeySize", c.key["size"] if keysize == "num" else str(c.key["size"])),
        ("SignAlgorithm", cas_sign_alg(c, sign_case)),
        ("CertificateType", cert_type),
        ("ParentIdentifier", h("cas-parent:" + parent)),
        ("Sha2", hexfmt(bytes.fromhex(c.sha256), sha)),
        ("Md5", hexfmt(bytes.fromhex(c.md5), md5)),
        ("Days", days(c, days_up) if days_ == "num" else str(days(c, days_up))),
        ("ResourceGroupId", "rg-" + h("rg:" + case, 15)),
    )
    if not algorithm:
        d.drop("Algorithm", "KeySize")
    if c.key["size"] is None:
        d.drop("KeySize")
    if tags == "escaped":
        d.add("Tags", [O(("TagKey", "后台管理"), ("TagValue", ESCAPED_TAG_VALUE))])
    elif tags == "json_value":
        d.add("Tags", [O(("TagKey", "env"), ("TagValue", "production")),
                       O(("TagKey", "property"), ("TagValue", '[{"tag":"PROPERTY_TYPE","values":["web","api"]}]'))])
    elif tags == "empty":
        d.add("Tags", [])
    if newer:
        d.add("AliasName", f"alicert-{case}")
        issuers = issuers_of(certs, c)
        d.add("CertChain", chain_pem(certs, issuers) if issuers else "")
        d.add("CustomIdentifier", f"custom-{h('custom:' + case, 8)}")
        if c.key["alg"] == "RSA":  # the documented form is RSA_2048; other families' spelling is unknown
            d.add("FullAlgorithm", f"RSA_{c.key['size']}")
        d.add("Id", int(h("id:" + case, 6), 16))
        d.add("UploadFlag", 0)
    for k, v in extra:
        d.add(k, v)
    for k, v in dup:
        d.add(k, v)
    return O(("Certificate", d), ("RequestId", uuid_of("cas-req:" + case)))


def cas_documents(certs: dict) -> dict[str, tuple]:
    """name -> (document, style, ascii)"""
    L = {}
    c3072 = certs["leaf-rsa3072-client"]
    L["rsa2048_documented_shape"] = (cas_doc("rsa2048_documented_shape", certs, "leaf-rsa2048",
                                             dn_text=dn(certs["leaf-rsa2048"].subject, ["C", "O", "OU", "L", "ST", "CN"])),
                                     "pretty", False)
    L["rsa2048_newer_fields_full_algorithm"] = (cas_doc(
        "rsa2048_newer_fields_full_algorithm", certs, "leaf-rsa2048", algorithm=False, newer=True,
        sans="array", dates="str", tags="json_value", sha="colons", md5="upper", sign_case="lower",
        dn_text=dn(certs["leaf-rsa2048"].subject, "reverse")), "compact", False)
    L["rsa3072_client_rfc4514_escapes"] = (cas_doc(
        "rsa3072_client_rfc4514_escapes", certs, "leaf-rsa3072-client", pem="crlf", serial="colons",
        dn_text=dn(c3072.subject, "reverse"), names_from="issuer", sans="doc", cert_type="CLIENT",
        sign_case="java", md5="colons", tags=None), "pretty", False)
    L["rsa3072_client_hex_escapes"] = (cas_doc(
        "rsa3072_client_hex_escapes", certs, "leaf-rsa3072-client", pem="literal",
        dn_text=dn(c3072.subject, "forward", hexstyle=True), sans="array", cert_type="CLIENT",
        sign_case="upper", tags="empty"), "spaced", False)
    L["rsa4096_expired_numeric_strings"] = (cas_doc(
        "rsa4096_expired_numeric_strings", certs, "leaf-rsa4096", pem="spaces", dates="str", days_="str",
        keysize="str", status="REVOKE", sans="doc", tags="empty", newer=True,
        dn_text=dn(certs["leaf-rsa4096"].subject, ["CN", "OU", "O", "L", "ST", "C"])), "pretty", False)
    p256 = certs["leaf-ec-p256"]
    L["ec_p256_padded_serial_unknown_fields"] = (cas_doc(
        "ec_p256_padded_serial_unknown_fields", certs, "leaf-ec-p256", pem="nofinal", serial="padded",
        dn_text=dn(p256.subject, ["C", "O", "OU", "L", "ST", "CN", "emailAddress"], names={"emailAddress": "E"}),
        sans="doc_trailing",
        sans_list=[("dns", "WWW.Example.COM"), ("dns", "example.com"), ("ip", "192.0.2.1"),
                   ("ip", ipaddress.ip_address("2001:db8::1").exploded), ("email", "admin@example.com"),
                   ("uri", "https://www.example.com/")],
        sign_case="mixed", sha="upper",
        extra=[("FutureField", O(("nested", [1, 2, O(("deep", None))]), ("flag", True))),
               ("AnotherUnknown", "kept but ignored"), ("EmptyObject", O()), ("Price", 12.5)]),
        "pretty", False)
    L["ec_p256_email_address_attribute"] = (cas_doc(
        "ec_p256_email_address_attribute", certs, "leaf-ec-p256", pem="ws",
        dn_text=dn(p256.subject, "reverse"), sans="compact_trailing", names_from="issuer",
        tags="escaped"), "pretty", True)
    p384 = certs["leaf-ec-p384"]
    L["ec_p384_state_as_S_duplicate_keys"] = (cas_doc(
        "ec_p384_state_as_S_duplicate_keys", certs, "leaf-ec-p384", pem="ws",
        dn_text=dn(p384.subject, ["C", "O", "OU", "L", "ST", "CN"], names={"ST": "S"}),
        sans="doc", tags=None,
        dup=[("SerialNumber", "0badc0de"), ("Status", "REVOKE")]), "pretty", False)
    L["ec_p384_days_rounded_up"] = (cas_doc(
        "ec_p384_days_rounded_up", certs, "leaf-ec-p384", days_up=True, sans="compact",
        dn_text=dn(p384.subject, "reverse", sep=", "), sign_case="lower"), "compact", False)
    L["ec_p521_selfsigned_2098"] = (cas_doc(
        "ec_p521_selfsigned_2098", certs, "ss-ec-p521", sans="array", tags="empty",
        dn_text=dn(certs["ss-ec-p521"].subject, "forward")), "pretty", False)
    sm2 = certs["leaf-sm2"]
    L["sm2_unicode_escapes"] = (cas_doc(
        "sm2_unicode_escapes", certs, "leaf-sm2", sign_case="lower", newer=True,
        dn_text=dn(sm2.subject, ["C", "O", "OU", "L", "ST", "CN"])), "pretty", True)
    L["sm2_issuer_names_raw_utf8"] = (cas_doc(
        "sm2_issuer_names_raw_utf8", certs, "leaf-sm2", names_from="issuer", sans="compact",
        dn_text=dn(sm2.subject, "reverse", hexstyle=False), pem="crlf", dates="str"), "compact", False)
    L["ed25519_not_yet_valid"] = (cas_doc(
        "ed25519_not_yet_valid", certs, "ss-ed25519", pem="literal", sans="null", tags=None,
        dn_text=dn(certs["ss-ed25519"].subject, "reverse")), "pretty", False)
    L["v1_no_extensions_empty_sans"] = (cas_doc(
        "v1_no_extensions_empty_sans", certs, "ss-v1-nosan", sans="empty_array", tags="empty",
        dn_text=dn(certs["ss-v1-nosan"].subject, "reverse")), "pretty", False)
    L["intermediate_ca_sans_empty_string"] = (cas_doc(
        "intermediate_ca_sans_empty_string", certs, "int-rsa", sans="empty", cert_type="SUBCA",
        dn_text=dn(certs["int-rsa"].subject, ["C", "O", "OU", "L", "ST", "CN"])), "spaced", False)
    L["root_ca_sans_null"] = (cas_doc(
        "root_ca_sans_null", certs, "root-rsa", sans="null", cert_type="ROOT", tags=None, pem="nofinal",
        dn_text=dn(certs["root-rsa"].subject, "reverse")), "pretty", False)
    L["rsa2048_dates_1950_9999"] = (cas_doc(
        "rsa2048_dates_1950_9999", certs, "ss-rsa2048-1950-9999", sans="doc_trailing",
        dn_text=dn(certs["ss-rsa2048-1950-9999"].subject, "forward")), "pretty", False)
    return L


# --------------------------------------------------------------------------------------------
# KMS DescribeCertificate + GetCertificate
# --------------------------------------------------------------------------------------------

def kms_pair(case: str, certs: dict, csrs: dict, name: str, *, sig_alg: str, serial="lower", sans="string",
             tags="object", exportable=True, dates="z", spk="lf", subject_order="reverse", status="ACTIVE",
             level="SOFTWARE", chain=True, cert_pem="lf", names=None, key_order=None) -> tuple[O, O]:
    c = certs[name]
    cid = uuid_of("kms-id:" + case, upper=False)
    kms_sans = [v for k, v in c.sans if k in ("dns", "ip")]
    if sans == "string":  # compact, as the documented sample
        sans_v = json.dumps(kms_sans, separators=(",", ":"), ensure_ascii=False)
    elif sans == "array":
        sans_v = kms_sans
    elif sans == "wrapper":
        sans_v = O(("SubjectAlternativeName", kms_sans))
    else:
        sans_v = None
    if tags == "object":
        tags_v = O(("env", "test"), ("owner", "alicert"))
    elif tags == "array":
        tags_v = [O(("TagKey", "env"), ("TagValue", "test")), O(("TagKey", "team"), ("TagValue", "security"))]
    elif tags == "string_object":
        tags_v = '{"env":"test","owner":"alicert"}'
    elif tags == "string_array":
        tags_v = '[{"TagKey":"env","TagValue":"test"}]'
    elif tags == "documented_invalid":
        tags_v = '[{"key1":"value"},"key2":"value2"]'
    elif tags == "empty_object":
        tags_v = O()
    else:
        tags_v = None
    if dates == "z":
        nb, na = iso(c.not_before), iso(c.not_after)
    elif dates == "frac":
        nb, na = iso(c.not_before, ".123"), iso(c.not_after, ".000")
    elif dates == "cst":
        nb, na = iso(c.not_before, "", 8), iso(c.not_after, "", 8)
    else:  # fractional seconds and an offset together
        nb, na = iso(c.not_before, ".250", 8), iso(c.not_after, ".000001", 8)
    created = c.not_before - dt.timedelta(minutes=3, seconds=57)
    updated = created + dt.timedelta(minutes=9, seconds=57)
    if serial == "decimal":
        serial_v = str(c.serial)
    else:
        serial_v = hexfmt(c.serial, serial)
    order = subject_order
    desc = O(
        ("Status", status),
        ("ProtectionLevel", level),
        ("RequestId", uuid_of("kms-req-d:" + case, upper=False)),
        ("Issuer", dn(c.issuer, order, names or {})),
        ("CertificateId", cid),
        ("CreatedAt", iso(created, ".000" if dates in ("frac", "both") else "", 8 if dates == "cst" else 0)),
        ("KeySpec", c.key["kms_spec"]),
        ("SubjectAlternativeNames", sans_v),
        ("SignatureAlgorithm", sig_alg),
        ("SubjectKeyIdentifier", hexfmt(c.ski_ext, "spaces")),
        ("NotAfter", na),
        ("UpdatedAt", iso(updated)),
        ("Subject", dn(c.subject, order, names or {})),
        ("Serial", serial_v),
        ("SubjectPublicKey", pem_shape(to_pem(c.spki_der, "PUBLIC KEY"), spk)),
        ("NotBefore", nb),
        ("Arn", f"acs:kms:cn-hangzhou:{1594986938260000 + int(h('acct', 4), 16)}:certificate/{cid}"),
        ("Tags", tags_v),
    )
    if exportable is not None:
        desc.add("ExportablePrivateKey", exportable)
    if key_order:
        desc = O(*sorted(desc.pairs, key=lambda p: key_order.index(p[0]) if p[0] in key_order else 99))
    issuers = issuers_of(certs, c)
    get = O(("CertificateId", cid), ("Certificate", pem_shape(c.pem, cert_pem)))
    get.add("CertificateChain", chain_pem(certs, issuers) if (chain and issuers) else "")
    get.add("Csr", to_pem(csrs[name], "CERTIFICATE REQUEST"))
    get.add("RequestId", uuid_of("kms-req-g:" + case, upper=False))
    return desc, get


def kms_documents(certs: dict, csrs: dict) -> dict[str, tuple]:
    """case -> (describe, get, style)"""
    K = {}
    K["rsa2048_documented_shape"] = kms_pair(
        "rsa2048_documented_shape", certs, csrs, "kms-rsa2048", sig_alg="RSA2048-SHA256", serial="decimal",
        sans="string", tags="documented_invalid", exportable="true", spk="spaces") + ("pretty4",)
    K["rsa2048_pss"] = kms_pair(
        "rsa2048_pss", certs, csrs, "kms-rsa-pss", sig_alg="RSA_PSS_SHA_256", sans="array", tags="object",
        exportable=False, dates="frac", subject_order="forward",
        key_order=["CertificateId", "Arn", "KeySpec", "SignatureAlgorithm", "Subject", "Issuer", "Serial",
                   "NotBefore", "NotAfter"]) + ("pretty",)
    K["rsa3072_ski_method2"] = kms_pair(
        "rsa3072_ski_method2", certs, csrs, "kms-rsa3072", sig_alg="RSA_PKCS1_SHA_256", sans="wrapper",
        tags="array", dates="cst", serial="upper", level="HSM", cert_pem="crlf") + ("compact",)
    K["ec_p256_null_sans"] = kms_pair(
        "ec_p256_null_sans", certs, csrs, "leaf-ec-p256", sig_alg="ECDSA-SHA256", serial="colons", sans="null",
        tags="string_object", names={"emailAddress": "E"}) + ("pretty",)
    K["ec_p256k_selfsigned"] = kms_pair(
        "ec_p256k_selfsigned", certs, csrs, "ss-ec-secp256k1", sig_alg="ECDSA-SHA256", sans="string",
        tags="string_array", status="INACTIVE", cert_pem="nofinal") + ("spaced",)
    K["sm2"] = kms_pair(
        "sm2", certs, csrs, "leaf-sm2", sig_alg="SM2-SM3", sans="string", tags="empty_object", dates="both",
        level="HSM", subject_order="forward") + ("pretty",)
    K["rsa2048_no_tags_pending"] = kms_pair(
        "rsa2048_no_tags_pending", certs, csrs, "kms-rsa2048", sig_alg="RSA2048-SHA256", serial="colons_lower",
        sans="array", tags=None, exportable=None, status="PENDING", spk="crlf") + ("compact",)
    for case, (d, g, _) in K.items():
        assert SIG[certs_of(d, certs).sig_oid][1] in d.get("SignatureAlgorithm").replace("_", ""), case
    return K


def certs_of(describe: O, certs: dict) -> CertInfo:
    spki = pem_blocks(describe.get("SubjectPublicKey"))[0][1]
    for c in certs.values():
        if c.spki_der == spki:
            return c
    die("no certificate for a KMS document")


# --------------------------------------------------------------------------------------------
# CDN DescribeCertificateInfoByID
# --------------------------------------------------------------------------------------------

def cdn_info(certs: dict, name: str, cert_id, cert_name, *, cert_type="cas", times="utc", domains=None,
             pem="lf", chain: list | None = None, order=None) -> O:
    c = certs[name]
    if chain is None:
        chain = [name] + issuers_of(certs, c)
    if domains is None:
        domains = [d for d in c.dns_sans() if not d.startswith("*.")][:1] or [c.attr("subject", "CN")]
    info = O(
        ("CertId", cert_id),
        ("CertName", cert_name),
        ("CreateTime", go_time(c.not_before, times)),
        ("HttpsCrt", pem_shape(chain_pem(certs, chain), pem)),
        ("CertType", cert_type),
        ("CertExpireTime", go_time(c.not_after, times)),
        ("DomainList", domains),
    )
    if order:
        info = O(*sorted(info.pairs, key=lambda p: order.index(p[0])))
    return info


def cdn_envelope(case: str, cert_infos) -> O:
    return O(("CertInfos", cert_infos), ("RequestId", uuid_of("cdn-req:" + case)))


def cdn_documents(certs: dict) -> dict[str, tuple]:
    D = {}
    ci = lambda *a, **k: cdn_info(certs, *a, **k)  # noqa: E731
    env = lambda case, lst: cdn_envelope(case, O(("CertInfo", lst)))  # noqa: E731
    D["documented_shape_chain"] = (env("documented_shape_chain", [
        ci("leaf-rsa2048", "16440001", "example_cert", domains=["www.aliyundoc.com"], chain=["leaf-rsa2048", "int-rsa"])]),
        "pretty4")
    D["domain_list_string_json_three_blocks"] = (env("domain_list_string_json_three_blocks", [
        ci("leaf-ec-p256", "16440002", "example_ecc", cert_type="upload",
           domains=json.dumps(["www.example.com", "example.com"]))]), "pretty")
    D["domain_list_comma_wildcard"] = (env("domain_list_comma_wildcard", [
        ci("leaf-ec-p384", "16440003", "cdn_wildcard", cert_type="upload",
           domains="img.cdn.example.org,video.cdn.example.org,cdn.example.org")]), "pretty")
    D["domain_list_single_name_2098"] = (env("domain_list_single_name_2098", [
        ci("ss-ec-p521", "16440004", "p521", cert_type="upload", domains="p521.example.net")]), "pretty")
    D["domain_list_empty_entries_sm2"] = (env("domain_list_empty_entries_sm2", [
        ci("leaf-sm2", "16440005", "国密证书", domains=["", "sm2.aliyundoc.com", ""])]), "pretty")
    D["domain_list_documented_empty"] = (env("domain_list_documented_empty", [
        ci("kms-rsa2048", "16440006", "example_cert", domains=[""])]), "pretty")
    D["wildcard_san_covers_names"] = (env("wildcard_san_covers_names", [
        ci("leaf-rsa2048", "16440007", "aliyundoc_wildcard", cert_type="free",
           domains=["www.aliyundoc.com", "static.aliyundoc.com", "img.aliyundoc.com", "aliyundoc.com"],
           pem="crlf")]), "pretty")
    D["cn_only_no_san_v1"] = (env("cn_only_no_san_v1", [
        ci("ss-v1-nosan", "16440008", "legacy", cert_type="upload", domains="legacy-cdn.example.net",
           pem="nofinal")]), "compact")
    D["cert_id_and_name_numbers"] = (env("cert_id_and_name_numbers", [
        ci("ss-ed25519", 16440009, 20300101, cert_type="upload", domains=["ed25519.example.com"])]), "pretty")
    D["dates_fractional_seconds"] = (env("dates_fractional_seconds", [
        ci("leaf-ec-p256", "16440010", "frac", times="frac", domains=["example.com"], pem="spaces")]), "pretty")
    D["dates_cst_offset"] = (env("dates_cst_offset", [
        ci("leaf-rsa4096", "16440011", "cst", times="cst", domains="legacy.aliyundoc.com,api.aliyundoc.com",
           pem="literal")]), "spaced")
    D["dates_iso8601"] = (env("dates_iso8601", [
        ci("kms-rsa-pss", "16440012", "iso", times="iso", domains=json.dumps(["pss.example.com"]), pem="ws",
           order=["CertType", "CertName", "CertId", "DomainList", "HttpsCrt", "CreateTime", "CertExpireTime"])]),
        "pretty")
    D["dates_1950_9999"] = (env("dates_1950_9999", [
        ci("ss-rsa2048-1950-9999", "16440013", "forever", cert_type="upload", domains=["forever.example.com"])]),
        "pretty")
    ten = [
        ci("leaf-rsa2048", "16440101", "c01", domains=["www.aliyundoc.com", "aliyundoc.com"]),
        ci("leaf-rsa4096", "16440102", "c02", domains="api.aliyundoc.com"),
        ci("leaf-ec-p256", "16440103", "c03", domains=json.dumps(["www.example.com"]), times="frac"),
        ci("leaf-ec-p384", "16440104", "c04", domains="a.cdn.example.org,b.cdn.example.org", times="cst"),
        ci("ss-ec-p521", "16440105", "c05", cert_type="upload", domains=["www.p521.example.net"]),
        ci("leaf-sm2", "16440106", "c06", domains=["sm2.aliyundoc.com"], pem="crlf"),
        ci("ss-ed25519", "16440107", "c07", cert_type="upload", domains=[""]),
        ci("kms-rsa2048", "16440108", "c08", domains=["test1.example.com", "test2.example.com"], times="iso"),
        ci("kms-rsa-pss", "16440109", "c09", domains="pss.example.com"),
        ci("ss-ec-secp256k1", "16440110", "c10", cert_type="upload", domains=["k1.example.com"]),
    ]
    D["list_of_ten"] = (env("list_of_ten", ten), "pretty")
    D["cert_info_single_object"] = (cdn_envelope("cert_info_single_object", O(("CertInfo", ci(
        "kms-rsa3072", "16440014", "single", domains=["rsa3072.example.com", "www.rsa3072.example.com"])))), "pretty")
    D["cert_infos_empty_object"] = (cdn_envelope("cert_infos_empty_object", O()), "pretty")
    D["cert_info_empty_array"] = (env("cert_info_empty_array", []), "compact")
    D["cert_infos_bare_array"] = (cdn_envelope("cert_infos_bare_array", [
        ci("leaf-ec-p384", "16440015", "bare1", domains=["cdn.example.org"]),
        ci("ss-ec-secp256k1", "16440016", "bare2", cert_type="upload", domains="k1.example.com")]), "pretty")
    return D


# --------------------------------------------------------------------------------------------
# Error envelopes, malformed documents, inner texts, streams
# --------------------------------------------------------------------------------------------

def error_documents() -> dict[str, tuple]:
    E = {}
    r1 = uuid_of("err:kms")
    E["kms_certificate_not_found"] = (O(
        ("RequestId", r1), ("HostId", "kms.cn-hangzhou.aliyuncs.com"), ("Code", "Certificate.NotFound"),
        ("Message", "The specified certificate is not found."),
        ("Recommend", f"https://api.aliyun.com/troubleshoot?q=Certificate.NotFound&product=Kms&requestId={r1}")),
        "pretty")
    r2 = uuid_of("err:cdn")
    E["cdn_cert_not_existed_code_first"] = (O(
        ("Code", "CertNotExisted"), ("Message", "The certificate does not exist."), ("HostId", "cdn.aliyuncs.com"),
        ("RequestId", r2),
        ("Recommend", f"https://api.aliyun.com/troubleshoot?q=CertNotExisted&product=Cdn&requestId={r2}")),
        "compact")
    E["cas_not_found"] = (O(
        ("Message", "The certificate does not exist."), ("RequestId", uuid_of("err:cas")),
        ("Code", "NotFound"), ("HostId", "cas.aliyuncs.com")), "pretty")
    r4 = uuid_of("err:ram")
    E["cas_forbidden_access_denied_detail"] = (O(
        ("RequestId", r4), ("HostId", "cas.aliyuncs.com"), ("Code", "Forbidden.RAM"),
        ("Message", "User not authorized to operate on the specified resource, or this API doesn't support RAM."),
        ("Recommend", f"https://api.aliyun.com/troubleshoot?q=Forbidden.RAM&product=cas&requestId={r4}"),
        ("AccessDeniedDetail", O(
            ("PolicyType", "AccountLevelIdentityBasedPolicy"), ("AuthPrincipalOwnerId", "1594986938261234"),
            ("EncodedDiagnosticMessage", base64.b64encode(b"alicert test diagnostic message").decode()),
            ("AuthPrincipalType", "SubUser"), ("AuthPrincipalDisplayName", "alicert-test"),
            ("NoPermissionType", "ImplicitDeny"), ("AuthAction", "yundun-cert:DescribeClientCertificate")))),
        "pretty")
    E["lowercase_keys"] = (O(
        ("requestId", uuid_of("err:lower")), ("hostId", "cdn.aliyuncs.com"), ("code", "CertNotExisted"),
        ("message", "The certificate does not exist.")), "spaced")
    E["lowercase_code_message_only"] = (O(
        ("code", "Certificate.NotFound"), ("message", "The specified certificate is not found."),
        ("RequestId", uuid_of("err:lower2"))), "pretty")
    return E


def malformed_documents(cas_good: O, cdn_good: O, kms_desc: O) -> dict[str, bytes]:
    good = doc_text(cas_good, "pretty").encode()
    compact = doc_text(cas_good, "compact", final_newline=False).encode()
    M: dict[str, bytes] = {}
    M["malformed_json__truncated"] = good[:len(good) // 2]
    M["malformed_json__truncated_inside_string"] = compact[:compact.index(b"BEGIN CERTIFICATE") + 30]
    M["malformed_json__missing_colon"] = b'{"RequestId" "4C1E43DC-9E51-4771-82C0-7D5ECEB547A1", "Code": "NotFound"}\n'
    M["malformed_json__outer_trailing_comma"] = good.rstrip().rstrip(b"}").rstrip() + b",\n}\n"
    M["malformed_json__bare_word"] = good.replace(b'"Status": "ISSUE"', b'"Status": ISSUE', 1)
    M["malformed_json__bare_word_document"] = b"Certificate\n"
    M["malformed_json__stray_bytes_after_document"] = compact + b" }garbage\x01\n"
    M["malformed_json__single_quotes"] = b"{'RequestId': 'x', 'Code': 'NotFound', 'Message': 'm'}\n"
    M["malformed_json__unescaped_newline_in_string"] = b'{"Code": "NotFound", "Message": "line one\nline two", "RequestId": "r"}\n'
    M["invalid_utf8__c3_28_in_string"] = good.replace(b'"CommonName": "', b'"CommonName": "ab\xc3\x28cd', 1)
    M["invalid_utf8__c3_28_in_error_message"] = b'{"RequestId": "r", "Code": "NotFound", "Message": "bad \xc3\x28 byte"}\n'
    deep_arr = b"[" * 100 + b"1" + b"]" * 100
    deep_obj = b'{"a":' * 100 + b"1" + b"}" * 100
    M["depth_exceeded__100_arrays_in_unknown_field"] = compact[:-1] + b',"Unknown":' + deep_arr + b"}"
    M["depth_exceeded__100_objects_in_unknown_field"] = good.replace(
        b'"RequestId"', b'"Unknown": ' + deep_obj + b',\n  "RequestId"', 1)
    M["wrong_type__cas_before_date_object"] = re.sub(rb'"BeforeDate": \d+', b'"BeforeDate": {"ms": 1634283958000}', good, 1)
    M["wrong_type__cas_key_size_array"] = re.sub(rb'"KeySize": \d+', b'"KeySize": [2048]', good, 1)
    M["wrong_type__cdn_cert_infos_number"] = doc_text(O(("CertInfos", 42), ("RequestId", cdn_good.get("RequestId")))).encode()
    info = cdn_good.get("CertInfos").get("CertInfo")[0]
    bad_info = O(*info.pairs).set("HttpsCrt", O(("pem", "x")))
    M["wrong_type__cdn_https_crt_object"] = doc_text(O(("CertInfos", O(("CertInfo", [bad_info]))),
                                                      ("RequestId", cdn_good.get("RequestId")))).encode()
    M["wrong_type__kms_not_before_array"] = doc_text(O(*kms_desc.pairs).set("NotBefore", [kms_desc.get("NotBefore")])).encode()
    M["number_out_of_range__before_date_20_digits"] = re.sub(rb'"BeforeDate": \d+', b'"BeforeDate": 99999999999999999999', good, 1)
    M["number_out_of_range__after_date_negative_20_digits"] = re.sub(rb'"AfterDate": \d+', b'"AfterDate": -99999999999999999999', good, 1)
    M["unknown_shape__foo"] = b'{"foo": 1}\n'
    M["unknown_shape__empty_array"] = b"[]\n"
    M["unknown_shape__number"] = b"42\n"
    M["unknown_shape__empty_object"] = b"{}\n"
    M["unknown_shape__null"] = b"null\n"
    M["unknown_shape__string"] = b'"-----BEGIN CERTIFICATE-----"\n'
    M["empty_input__whitespace"] = b" \n\t\r\n  \n"
    M["empty_input__zero_bytes"] = b""
    return M


def inner_texts(certs: dict) -> dict[str, str]:
    leaf = certs["leaf-rsa2048"]
    I = {
        "sans_documented_trailing_comma": '[ {"Type": 7, "Value": "192.0.2.10"}, {"Type": 2, "Value": "www.aliyundoc.com"}, ]',
        "sans_no_trailing_comma": cas_sans(leaf.reportable_sans(), "doc"),
        "sans_all_four_kinds_trailing_comma": cas_sans(certs["leaf-ec-p256"].reportable_sans(), "doc_trailing"),
        "sans_compact": cas_sans(certs["leaf-rsa3072-client"].reportable_sans(), "compact"),
        "sans_compact_trailing_comma": cas_sans(certs["leaf-sm2"].reportable_sans(), "compact_trailing"),
        "sans_empty_array": "[]",
        "sans_empty_array_trailing_comma": "[ , ]",
        "sans_empty": "",
        "sans_multiline": '[\n  {\n    "Type": 2,\n    "Value": "www.example.com"\n  },\n  {\n    "Type": 7,\n    "Value": "2001:db8::1"\n  },\n]',
        "sans_utf8_and_escapes": '[ {"Type": 6, "Value": "https://example.com/\\u8def\\u5f84?q=\\"x\\""}, {"Type": 1, "Value": "用户@example.com"}, ]',
        "kms_sans_array": '["test1.example.com","test2.example.com"]',
        "kms_sans_array_with_ip": json.dumps([v for k, v in certs["kms-rsa-pss"].sans if k in ("dns", "ip")]),
        "kms_sans_wrapper": '{"SubjectAlternativeName":["test1.example.com","test2.example.com"]}',
        "kms_sans_empty": "[]",
        "kms_sans_single_value": "test1.example.com",
        "domain_list_array": '["www.example.com","example.com"]',
        "domain_list_comma": "a.example.com,b.example.com",
        "domain_list_comma_spaces_trailing": "a.example.com, b.example.com,",
        "domain_list_single": "www.example.com",
        "domain_list_documented_empty": '[""]',
        "domain_list_empty_entries": '["", "www.example.com", ""]',
        "domain_list_wildcard": '["*.example.com","example.com"]',
        "domain_list_empty": "",
        "tags_array": '[{"TagKey":"env","TagValue":"test"},{"TagKey":"后台管理","TagValue":"[{\\"tag\\":\\"PROPERTY_TYPE\\",\\"values\\":[]}]"}]',
        "tags_object": '{"env":"test","owner":"alicert"}',
        "tags_documented_invalid": '[{"key1":"value"},"key2":"value2"]',
        "tags_escaped_value": '[{\\"tag\\":\\"PROPERTY_TYPE\\",\\"values\\":[]}]',
        "tags_value_json": '[{"tag":"PROPERTY_TYPE","values":[]}]',
        "tags_empty_array": "[]",
        "tags_empty_object": "{}",
    }
    return I


# --------------------------------------------------------------------------------------------
# Verification of what was written
# --------------------------------------------------------------------------------------------

MASKS = [re.compile(rb"\*{4,}"), re.compile(rb"\b\d{1,3}\.\d{1,3}\.XX\.XX\b"), re.compile(rb"1644xx")]
PEM_FIELDS = {"X509Certificate", "CertChain", "HttpsCrt", "Certificate", "CertificateChain", "Csr", "SubjectPublicKey"}


def hexnorm(s: str) -> str:
    s = s.strip().lower().replace(":", "").replace(" ", "")
    return s[2:] if s.startswith("0x") else s


def loads_pairs(text: str):
    """json.loads keeping the first occurrence of a repeated key, as alicert does."""
    def hook(pairs):
        d = {}
        for k, v in pairs:
            d.setdefault(k, v)
        return d
    return json.loads(text, object_pairs_hook=hook)


def split_stream(data: bytes) -> list:
    """Decode concatenated / NDJSON documents; raises on a malformed one."""
    text, dec, i, out = data.decode(), json.JSONDecoder(object_pairs_hook=lambda p: dict(reversed(p))), 0, []
    while True:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        if i >= len(text):
            return out
        obj, i = dec.raw_decode(text, i)
        out.append(obj)


class Verifier:
    def __init__(self, certs: dict):
        self.by_der = {c.der: c for c in certs.values()}
        self.seen: set[bytes] = set()
        self.pem_objects = 0
        self.docs = 0

    def openssl_decode(self, label: str, der: bytes) -> None:
        key = label.encode() + der
        if key in self.seen:
            return
        self.seen.add(key)
        cmd = {"CERTIFICATE": ["x509", "-noout", "-inform", "DER"],
               "CERTIFICATE REQUEST": ["req", "-noout", "-inform", "DER"],
               "PUBLIC KEY": ["pkey", "-pubin", "-inform", "DER", "-noout"]}[label]
        ossl(*cmd, data=der)
        self.pem_objects += 1

    def walk_pems(self, v, path=""):
        if isinstance(v, dict):
            for k, x in v.items():
                if k in PEM_FIELDS and isinstance(x, str) and x:
                    for label, der in pem_blocks(x):
                        self.openssl_decode(label, der)
                self.walk_pems(x, path + "/" + k)
        elif isinstance(v, list):
            for x in v:
                self.walk_pems(x, path)

    def cert(self, pem_text: str, where: str) -> CertInfo:
        blocks = pem_blocks(pem_text)
        if not blocks or blocks[0][1] not in self.by_der:
            die(f"{where}: certificate is not one of the generated ones")
        return self.by_der[blocks[0][1]]

    def chain_ok(self, pem_text: str, where: str) -> None:
        cs = [self.by_der[d] for _, d in pem_blocks(pem_text)]
        for a, b in zip(cs, cs[1:]):
            if a.issuer != b.subject:
                die(f"{where}: chain order broken ({a.name} not issued by {b.name})")

    def check_doc(self, d, where: str, kms_gets: dict) -> None:
        self.docs += 1
        self.walk_pems(d)
        if not isinstance(d, dict):
            die(f"{where}: not an object")
        if isinstance(d.get("Certificate"), dict):
            self.check_cas(d["Certificate"], where)
        elif "CertInfos" in d:
            ci = d["CertInfos"]
            lst = ci if isinstance(ci, list) else ci.get("CertInfo", [])
            for info in ([lst] if isinstance(lst, dict) else lst):
                self.check_cdn(info, where)
        elif isinstance(d.get("Certificate"), str):
            c = self.cert(d["Certificate"], where)
            if d.get("CertificateChain"):
                self.chain_ok(d["Certificate"] + d["CertificateChain"], where)
            if d.get("Csr") and csr_spki(pem_blocks(d["Csr"])[0][1]) != c.spki_der:
                die(f"{where}: CSR key differs")
            kms_gets[d["CertificateId"]] = c
        elif "KeySpec" in d:
            self.check_kms_alone(d, where)
        elif not ("Code" in d or "code" in d):
            die(f"{where}: unrecognised positive document")

    def check_cas(self, x: dict, where: str) -> None:
        c = self.cert(x["X509Certificate"], where)
        def eq(cond, what):
            if not cond:
                die(f"{where}: CAS {what} inconsistent")
        eq(int(hexnorm(x["SerialNumber"]), 16) == c.serial, "SerialNumber")
        eq(hexnorm(x["Sha2"]) == c.sha256 and hexnorm(x["Md5"]) == c.md5, "Sha2/Md5")
        eq(int(x["BeforeDate"]) == ms(c.not_before) and int(x["AfterDate"]) == ms(c.not_after), "dates")
        eq(int(x["Days"]) in (days(c), days(c, True)), "Days")
        if "KeySize" in x:
            eq(int(x["KeySize"]) == c.key["size"], "KeySize")
        eq(x["SignAlgorithm"].upper() == SIG[c.sig_oid][2], "SignAlgorithm")
        eq(x["CommonName"] == (c.attr("subject", "CN") or ""), "CommonName")
        for f, a in (("OrganizationUnit", "OU"), ("Organization", "O"), ("Locality", "L"), ("State", "ST"),
                     ("CountryCode", "C")):
            eq(x[f] == "" or x[f] in (c.attr("subject", a), c.attr("issuer", a)), f)
        sans = x.get("Sans")
        if isinstance(sans, str) and sans:
            sans = json.loads(re.sub(r",\s*\]\s*$", "]", sans))
        if sans not in (None, ""):
            got = {(t, ipaddress.ip_address(v) if t == 7 else v.lower()) for t, v in
                   ((s["Type"], s["Value"]) for s in sans)}
            want = {(CAS_SAN_TYPE[k], ipaddress.ip_address(v) if k == "ip" else v.lower())
                    for k, v in c.reportable_sans()}
            eq(got == want, "Sans")
        if x.get("CertChain"):
            self.chain_ok(x["X509Certificate"] + x["CertChain"], where)

    def check_cdn(self, info: dict, where: str) -> None:
        c = self.cert(info["HttpsCrt"], where)
        self.chain_ok(info["HttpsCrt"], where)

        def parse_go(s: str) -> dt.datetime:
            if re.match(r"\d{4}-\d\d-\d\dT", s):
                return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
            m = re.fullmatch(r"(\S+ \d\d:\d\d:\d\d)(\.\d+)? ([+-]\d{4}) \w+", s)
            return dt.datetime.strptime(m.group(1) + " " + m.group(3), "%Y-%m-%d %H:%M:%S %z")
        if parse_go(info["CreateTime"]) != c.not_before or parse_go(info["CertExpireTime"]) != c.not_after:
            die(f"{where}: CDN dates inconsistent")
        dl = info["DomainList"]
        if isinstance(dl, str):
            dl = json.loads(dl) if dl.startswith("[") else dl.split(",")
        names = c.dns_sans() or [c.attr("subject", "CN")]
        for d in (x.strip() for x in dl):
            if not d:
                continue
            ok = any(n.lower() == d.lower() or (n.startswith("*.") and "." in d and
                                                d.split(".", 1)[1].lower() == n[2:].lower()) for n in names)
            if not ok:
                die(f"{where}: CDN domain {d} not covered by {names}")

    def check_kms_alone(self, d: dict, where: str) -> None:
        spki = pem_blocks(d["SubjectPublicKey"])[0][1]
        c = next((c for c in self.by_der.values() if c.spki_der == spki), None)
        if c is None or c.key["kms_spec"] != d["KeySpec"]:
            die(f"{where}: KMS KeySpec/SubjectPublicKey inconsistent")
        if bytes.fromhex(hexnorm(d["SubjectKeyIdentifier"])) != c.ski_ext:
            die(f"{where}: KMS SubjectKeyIdentifier inconsistent")

    def check_kms_pair(self, d: dict, c: CertInfo, where: str) -> None:
        s = d["Serial"]
        if not (int(hexnorm(s), 16) == c.serial or (s.isdigit() and int(s) == c.serial)):
            die(f"{where}: KMS Serial inconsistent")
        for f, t in (("NotBefore", c.not_before), ("NotAfter", c.not_after)):
            got = dt.datetime.fromisoformat(re.sub(r"\.\d+", "", d[f]).replace("Z", "+00:00"))
            if got != t:
                die(f"{where}: KMS {f} inconsistent")
        if pem_blocks(d["SubjectPublicKey"])[0][1] != c.spki_der:
            die(f"{where}: KMS SubjectPublicKey differs from the certificate")
        sans = d["SubjectAlternativeNames"]
        if isinstance(sans, str):
            sans = json.loads(sans)
        if isinstance(sans, dict):
            sans = sans["SubjectAlternativeName"]
        if sans is not None:
            want = {str(ipaddress.ip_address(v)) if k == "ip" else v for k, v in c.sans if k in ("dns", "ip")}
            if set(sans) != want:
                die(f"{where}: KMS SANs inconsistent")

    def file(self, path: Path, multi: bool = False) -> None:
        data = path.read_bytes()
        for m in MASKS:
            if m.search(data):
                die(f"{path}: documentation mask {m.pattern!r} in a positive document")
        if multi:
            docs = split_stream(data)
        else:
            json.loads(data)  # must be one valid document for the json module
            docs = [loads_pairs(data.decode())]
        gets: dict = {}
        for i, d in enumerate(docs):
            self.check_doc(d, f"{path.relative_to(REPO)}#{i}", gets)
        for i, d in enumerate(docs):
            if isinstance(d, dict) and "KeySpec" in d and d.get("CertificateId") in gets:
                self.check_kms_pair(d, gets[d["CertificateId"]], f"{path.relative_to(REPO)}#{i}")
        return docs


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------

def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fresh", action="store_true", help="regenerate keys and certificates (corpus/keys/)")
    args = ap.parse_args()
    if args.fresh and STATE.exists():
        shutil.rmtree(STATE)
    CORPUS.mkdir(exist_ok=True)
    # Rewrite from scratch, keeping the key/certificate cache and the files other
    # tools own: fuzz regressions (regress_*) and make_der_seeds.py's seeds (gen_*).
    def kept(p: Path) -> bool:
        return p.name.startswith(("regress_", "gen_"))
    for p in CORPUS.iterdir():
        if p == STATE:
            continue
        if p.is_dir():
            for f in p.rglob("*"):
                if f.is_file() and not kept(f):
                    f.unlink()
        elif not kept(p):
            p.unlink()
    if (STATE / "recipes.json").exists():
        RECIPES.update(json.loads((STATE / "recipes.json").read_text()))

    with tempfile.TemporaryDirectory(prefix="alicert-corpus-") as tmp:
        certs, csrs = make_certificates(Path(tmp))
        # every chain must verify with openssl (dates ignored: some leaves are expired on purpose)
        d = Path(tmp)
        for leaf in CHAINS:
            issuers = issuers_of(certs, certs[leaf])
            (d / "root.pem").write_text(certs[issuers[-1]].pem)
            va = ["verify", "-no_check_time", "-CAfile", str(d / "root.pem")]
            if issuers[:-1]:
                (d / "untrusted.pem").write_text(chain_pem(certs, issuers[:-1]))
                va += ["-untrusted", str(d / "untrusted.pem")]
            out = subprocess.run([OPENSSL, *va], input=certs[leaf].pem.encode(), capture_output=True)
            if out.returncode != 0 or b"OK" not in out.stdout:
                die(f"openssl verify failed for {leaf}: {out.stdout.decode()} {out.stderr.decode()}")

    for p in STATE.iterdir():  # drop what no recipe uses any more
        if p.name not in USED and p.name not in ("README.md", "recipes.json"):
            p.unlink()
    write(STATE / "recipes.json", json.dumps({k: RECIPES[k] for k in sorted(USED)}, indent=1) + "\n")
    write(STATE / "README.md", "Test-only keys, CSRs (DER) and certificates of scripts/make_corpus.py; recipes.json "
          "holds a hash of the recipe\nthat made each one. They are reused while the recipe is unchanged so that a re-run reproduces "
          "corpus/ byte for byte;\n`python3 scripts/make_corpus.py --fresh` regenerates them. Never use them "
          "for anything else.\n")
    counts: dict[str, int] = {}

    def put(rel: str, data) -> None:
        write(CORPUS / rel, data)
        top = rel.split("/")[0]
        counts[top] = counts.get(top, 0) + 1

    for name, c in certs.items():
        put(f"pem/{name}.pem", c.pem)
        put(f"der/{name}.der", c.der)
    for leaf, names in CHAINS.items():
        put(f"pem/chain-{leaf}.pem", chain_pem(certs, names))

    cas = cas_documents(certs)
    for name, (d, style, asc) in cas.items():
        put(f"parse_cas/{name}.json", doc_text(d, style, asc, final_newline=style != "compact"))
    kms = kms_documents(certs, csrs)
    for name, (d, g, style) in kms.items():
        ind = 4 if style == "pretty4" else 2
        st = "pretty" if style == "pretty4" else style
        put(f"parse_kms/{name}.describe.json", doc_text(d, st, indent=ind))
        put(f"parse_kms/{name}.get.json", doc_text(g, st, indent=ind))
    cdn = cdn_documents(certs)
    for name, (d, style) in cdn.items():
        ind = 4 if style == "pretty4" else 2
        put(f"parse_cdn/{name}.json", doc_text(d, "pretty" if style == "pretty4" else style, indent=ind))
    errs = error_documents()
    for name, (d, style) in errs.items():
        put(f"parse_error/{name}.json", doc_text(d, style))
    mal = malformed_documents(cas["rsa2048_documented_shape"][0], cdn["documented_shape_chain"][0],
                              kms["rsa2048_pss"][0])
    for name, data in mal.items():
        put(f"parse_malformed/{name}.json", data)
    for name, text in inner_texts(certs).items():
        put(f"inner/{name}.txt", text)

    # streams
    C = lambda d: doc_text(d, "compact")  # noqa: E731  one line per document
    kd, kg = kms["rsa2048_documented_shape"][:2]
    pd, pg = kms["rsa2048_pss"][:2]
    sd, sg = kms["sm2"][:2]
    ed, eg = kms["ec_p256_null_sans"][:2]
    put("stream/mixed_apis.ndjson", "".join(C(x) for x in [
        cas["rsa2048_documented_shape"][0], kd, cdn["documented_shape_chain"][0], kg,
        errs["kms_certificate_not_found"][0], cas["sm2_unicode_escapes"][0], cdn["list_of_ten"][0],
        errs["lowercase_keys"][0], cas["ec_p384_days_rounded_up"][0]]))
    put("stream/concatenated_no_newlines.json", "".join(doc_text(x, "compact", final_newline=False) for x in [
        cas["ec_p521_selfsigned_2098"][0], cdn["dates_cst_offset"][0], errs["cas_not_found"][0], pg, pd,
        cdn["cert_infos_bare_array"][0]]))
    put("stream/concatenated_pretty.json", "".join(doc_text(x, "pretty") for x in [
        cas["rsa3072_client_rfc4514_escapes"][0], errs["cdn_cert_not_existed_code_first"][0],
        cdn["domain_list_string_json_three_blocks"][0], sd, sg]))
    bad_mid = b'{"RequestId" "0F5B2C1E-0000-4000-A000-000000000000", "Code": "NotFound", "Message": "missing colon"}\n'
    put("stream/malformed_in_middle.ndjson", (C(cas["v1_no_extensions_empty_sans"][0]) + C(cdn["dates_iso8601"][0])
                                              ).encode() + bad_mid + (C(errs["cas_not_found"][0]) + C(eg) + C(ed)).encode())
    put("stream/truncated_at_end.ndjson", (C(cas["root_ca_sans_null"][0]) + C(errs["kms_certificate_not_found"][0])
                                           ).encode() + C(cdn["cn_only_no_san_v1"][0]).encode()[:200])
    put("stream/kms_describe_then_get.ndjson", "".join(C(x) for x in [kd, cas["ed25519_not_yet_valid"][0], kg]))
    put("stream/kms_get_then_describe.ndjson", "".join(C(x) for x in [pg, cdn["dates_1950_9999"][0], pd]))
    lone = kms["ec_p256k_selfsigned"][0]
    put("stream/kms_pairs_interleaved.json", "".join(doc_text(x, "pretty") for x in [
        kd, sd, sg, errs["cas_forbidden_access_denied_detail"][0], kg, lone]))
    pool = [v[0] for v in cas.values()] + [v[0] for v in cdn.values()] + [v[0] for v in errs.values()]
    fifty, k = [], 0
    kms_list = list(kms.values())
    while len(fifty) < 50:
        if k % 5 == 4 and len(fifty) <= 48:  # a KMS pair, describe or get first
            d_, g_ = kms_list[(k // 5) % len(kms_list)][:2]
            fifty += [d_, g_] if (k // 5) % 2 else [g_, d_]
        else:
            fifty.append(pool[k % len(pool)])
        k += 1
    put("stream/fifty_documents.ndjson", "".join(C(x) for x in fifty))

    # full-check seeds
    for n in ("rsa2048_documented_shape", "sm2_unicode_escapes", "ec_p384_state_as_S_duplicate_keys",
              "rsa4096_expired_numeric_strings"):
        d, style, asc = cas[n]
        put(f"check/cas_{n}.json", doc_text(d, style, asc))
    for n in ("documented_shape_chain", "list_of_ten", "domain_list_comma_wildcard"):
        put(f"check/cdn_{n}.json", doc_text(cdn[n][0], "pretty"))
    for n in ("rsa2048_documented_shape", "sm2", "ec_p256_null_sans", "rsa3072_ski_method2"):
        d, g, _ = kms[n]
        put(f"check/kms_{n}.ndjson", C(d) + C(g))
    put("check/error_kms_certificate_not_found.json", doc_text(errs["kms_certificate_not_found"][0]))
    # Chains that must fail, seeds of the check target only (never in the main job):
    # an impostor issuer (same name, another key), a truncated issuer, a signature
    # algorithm OpenSSL does not verify (sha256WithRSA's OID turned into md2WithRSA's).
    leaf, ca = certs["leaf-rsa2048"], certs["int-rsa"]
    lines = ca.pem.split("\n")
    truncated = "\n".join(lines[:4] + ["-----END CERTIFICATE-----", ""])
    sha256_rsa, md2_rsa = bytes.fromhex("06092a864886f70d01010b"), bytes.fromhex("06092a864886f70d010102")
    unsupported = to_pem(leaf.der.replace(sha256_rsa, md2_rsa), "CERTIFICATE")
    negative = {"impostor": leaf.pem + certs["impostor-int-rsa"].pem, "truncated": leaf.pem + truncated,
                "unsupported": unsupported + ca.pem}
    for name, pem in negative.items():
        info = cdn_info(certs, "leaf-rsa2048", "1644990" + str(len(name)), f"negative_{name}",
                        domains=["www.aliyundoc.com"]).set("HttpsCrt", pem)
        put(f"check/negative_chain_{name}.json", doc_text(cdn_envelope("negative:" + name, O(("CertInfo", [info])))))
    put("check/negative_chain_impostor_kms.json", doc_text(O(
        ("CertificateId", uuid_of("negative-kms-impostor", upper=False)), ("Certificate", leaf.pem),
        ("CertificateChain", certs["impostor-int-rsa"].pem), ("RequestId", uuid_of("negative-kms")))))
    import corpus_siblings  # the sibling APIs (docs/siblings.md)
    me = sys.modules[__name__]
    for rel, text in corpus_siblings.build(me, certs, STATE).items():
        put(rel, text)
    put("README.md", README)

    # verification of everything written
    v = Verifier(certs)
    for folder in ("parse_cas", "parse_kms", "parse_cdn", "parse_error", "check", "stream"):
        for p in sorted((CORPUS / folder).iterdir()):
            if folder == "stream" and p.name in ("malformed_in_middle.ndjson", "truncated_at_end.ndjson"):
                continue
            if p.name.startswith("regress_"):  # fuzz findings, not positive documents
                continue
            if p.name.endswith("_with_details.ndjson"):  # the sibling APIs': corpus_siblings verifies them
                continue
            if p.name.startswith("negative_"):  # failing on purpose
                continue
            v.file(p, multi=p.suffix == ".ndjson" or folder == "stream")
    pairs = {}
    for p in sorted((CORPUS / "parse_kms").glob("*.json")):
        case, kind = p.name.rsplit(".", 2)[:2]
        pairs.setdefault(case, {})[kind] = json.loads(p.read_bytes())
    for case, dg in pairs.items():
        if dg["describe"]["CertificateId"] != dg["get"]["CertificateId"]:
            die(f"parse_kms/{case}: CertificateId differs between describe and get")
        c = v.cert(dg["get"]["Certificate"], case)
        v.check_kms_pair(dg["describe"], c, f"parse_kms/{case}")
    sv = corpus_siblings.Verifier(me, v.by_der)
    for folder in corpus_siblings.FOLDERS:
        for p in sorted((CORPUS / folder).iterdir()):
            if not p.name.startswith("regress_"):
                sv.file(p)
    for p in sorted((CORPUS / "check").glob("*_with_details.ndjson")):
        sv.file(p)
    for p in sorted((CORPUS / "parse_malformed").iterdir()):
        if p.name.startswith("regress_"):
            continue
        code = p.name.split("__")[0]
        try:
            json.loads(p.read_bytes())
            ok = code in ("unknown_shape", "wrong_type", "number_out_of_range", "depth_exceeded")
        except (ValueError, UnicodeDecodeError, RecursionError):
            ok = code in ("malformed_json", "invalid_utf8", "empty_input")
        if not ok:
            die(f"{p.name}: JSON validity does not fit its code")
    for p in sorted((CORPUS / "pem").iterdir()):
        for label, der in pem_blocks(p.read_text()):
            v.openssl_decode(label, der)
    for p in sorted((CORPUS / "der").iterdir()):
        if p.name.startswith(("regress_", "gen_")):  # fuzz findings and mutants, some undecodable on purpose
            continue
        v.openssl_decode("CERTIFICATE", p.read_bytes())

    order = ["pem", "der", "parse_cas", "parse_kms", "parse_cdn", "parse_error", "parse_malformed", "inner",
             "stream", "check", *corpus_siblings.FOLDERS]
    print("make_corpus: " + " ".join(f"{k}={counts.get(k, 0)}" for k in order) +
          f" | {len(certs)} certificates, {v.docs} + {sv.docs} positive documents cross-checked, "
          f"{v.pem_objects} PEM/DER objects decoded by openssl")


README = """# alicert test corpus

Generated by `python3 scripts/make_corpus.py` (Python 3 standard library + the `openssl` CLI of
OpenSSL 3.0); do not edit by hand. The script deletes and rewrites every folder here except
`keys/`, then re-reads and cross-checks what it wrote, and prints one line of counts.
`--fresh` also regenerates `keys/`.

| folder | what it holds |
|---|---|
| `pem/`, `der/` | the certificates, one per file (`<name>.pem` / `<name>.der`); `pem/chain-<leaf>.pem` holds a leaf followed by its issuers |
| `parse_cas/` | CAS `DescribeClientCertificate` responses, one document per file |
| `parse_kms/` | KMS `DescribeCertificate` (`<case>.describe.json`) and its `GetCertificate` (`<case>.get.json`), same `CertificateId` per pair |
| `parse_cdn/` | CDN `DescribeCertificateInfoByID` responses, every list shape |
| `parse_error/` | API error envelopes (`Certificate.NotFound`, `CertNotExisted`, `NotFound`, ...) |
| `parse_malformed/` | documents that must be refused: `<expected error code>__<what>.json` |
| `inner/` | raw inner texts (not JSON documents): `sans_*`, `kms_sans_*`, `domain_list_*`, `tags_*` |
| `stream/` | multi-document inputs: NDJSON, concatenated documents, a malformed one in the middle, a truncated one at the end, KMS describe/get pairs in both orders |
| `check/` | seeds for the full-check fuzzer; the KMS ones are describe+get pairs in one NDJSON file |
| `keys/` | test-only keys, CSRs (DER) and certificates, and `recipes.json` (a hash of the recipe of each); reused while the recipe is unchanged so that re-runs are byte-identical |

## Rules

- **Positive documents are consistent**: every reported field (serial, dates, DNs, name fields,
  SANs, fingerprints, key algorithm and size, signature algorithm, KMS key spec, subject key
  identifier and public key, CDN domain list) is computed from the DER of the certificate the
  document carries (or, for KMS `DescribeCertificate`, the certificate of its `GetCertificate`).
  `alicert check` on any of them must report no `mismatch` and no `invalid` finding.
  Values are shaped as the APIs send them (numbers as strings, hex with colons or padding, PEM
  with CRLF, spaces or literal `\\n`, DNs in any RDN order with RFC 4514 escapes, ...), never
  wrong. One exception by design: `parse_cas/ec_p384_state_as_S_duplicate_keys.json` repeats
  `SerialNumber` and `Status` with wrong values *after* the right ones: the first occurrence
  counts (responses.md, Shared shapes).
- **Positive documents are never masked**: no `****`, no `192.0.XX.XX`, no `1644xx`. The masked
  documentation samples live in `tests/data/samples/` only.
- Documents whose field is reported as absent (`Sans: null`, `""`) are still consistent.
- `parse_malformed/` names carry the expected `error.code`.

## Certificates

| name | key | signed by / with | serial | validity | notes |
|---|---|---|---|---|---|
| root-rsa | RSA 4096 | self, sha384WithRSA | 01 | 2015-01-01 .. 2045-01-01 | root CA |
| int-rsa | RSA 3072 | root-rsa, sha256WithRSA | 8f3a5c7e9b1d2f40 (high bit) | 2016 .. 2036 | issuing CA, O=阿里云计算有限公司 |
| leaf-rsa2048 | RSA 2048 | int-rsa, sha256WithRSA | 20 bytes | 2026-01-15 .. 2028-01-15 | DNS incl. `*.aliyundoc.com`, IPv4, IPv6 |
| leaf-rsa3072-client | RSA 3072 | int-rsa, sha384WithRSA | c3a19f00d2e4b6a8 (high bit) | 2025-06-01 .. 2027-06-01 | `,` `+` `"` `\\` in values, multi-valued RDN CN+UID, email, URI, otherName, dirName SANs |
| leaf-rsa4096 | RSA 4096 | int-rsa, sha512WithRSA | 19 bytes, high bit (20 DER octets) | 2021-10-15 .. 2022-10-15 (expired) | |
| root-ec | EC P-384 | self, ecdsa-with-SHA384 | 5ec00001 | 2015 .. 2045 | root CA |
| int-ec | EC P-384 | root-ec, ecdsa-with-SHA384 | 1001 | 2016 .. 2036 | issuing CA |
| leaf-ec-p256 | EC P-256 | int-ec, ecdsa-with-SHA256 | 0abcdef012345678 | 2026-01-01 .. 2027-01-01 | emailAddress in DN; DNS, IPv4, IPv6, email, URI |
| leaf-ec-p384 | EC P-384 | int-ec, ecdsa-with-SHA384 | 3c5b7d9f | 2026-02-01 .. 2027-02-01T12:00 (365.5 days) | wildcard CN/SAN |
| ss-ec-p521 | EC P-521 | self, ecdsa-with-SHA512 | 20 bytes | 2015-12-21 .. 2098-02-08 (GeneralizedTime) | L=München |
| ss-ec-secp256k1 | EC secp256k1 | self, ecdsa-with-SHA256 | 2710 | 2026-03-01 .. 2029-03-01 | KMS EC_P256K |
| ss-ed25519 | Ed25519 | self, Ed25519 | 025519 | 2030-01-01 .. 2031-01-01 (not yet valid) | |
| ss-v1-nosan | RSA 2048 | self, sha256WithRSA | 2a | 2019-12-31 .. 2049-12-31 | version 1, no extensions, O with `,` and `+` |
| ss-rsa2048-1950-9999 | RSA 2048 | self, sha256WithRSA | 7fffffffffffffff | 1950-01-01 .. 9999-12-31T23:59:59 | extreme dates |
| ca-sm2 | SM2 | self, SM2-with-SM3 | 5302 | 2020 .. 2040 | Chinese names |
| leaf-sm2 | SM2 | ca-sm2, SM2-with-SM3 | 80 (needs a 00 byte) | 2026-01-01 .. 2028-01-01 | Chinese names |
| kms-ca | RSA 2048 | self, sha256WithRSA | 01 | 2020 .. 2040 | `CN=testCA,OU=kms,O=aliyun,C=CN` |
| kms-rsa2048 | RSA 2048 | kms-ca, sha256WithRSA | 12345678 decimal (bc614e) | 2020-10-13 .. 2022-10-13 | the KMS sample's values, unmasked |
| kms-rsa-pss | RSA 2048 | kms-ca, RSASSA-PSS SHA-256 | 55aa55aa | 2026-01-15 .. 2027-01-15 | |
| kms-rsa3072 | RSA 3072 | kms-ca, sha256WithRSA | 3072 | 2026-01-15 .. 2028-01-15 | subjectKeyIdentifier by RFC 5280 method 2 |

Regenerate: `python3 scripts/make_corpus.py` (a few seconds; `--fresh` for new keys).
"""

if __name__ == "__main__":
    main()
