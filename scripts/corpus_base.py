"""Corpus generator, part 1: paths, the openssl runner, and a minimal DER reader
(enough of X.509 and PKCS#10 to compute every reported field). See make_corpus.py."""
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
