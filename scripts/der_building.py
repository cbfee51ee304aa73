"""DER building blocks for scripts/make_der_seeds.py: a small DER encoder, OIDs,
names, keys (from fixed private values, through `openssl pkey`), and TBS /
certificate assembly with filler signatures."""
from __future__ import annotations

import argparse
import hashlib
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "corpus" / "der"

# ---------------------------------------------------------------- DER encoder


def length(n: int, form: str = "der") -> bytes:
    """Length octets: 'der' (minimal), 'long' (long form where short would do),
    'padded' (a leading zero octet), 'indef' (0x80; content must carry EOC)."""
    if form == "indef":
        return b"\x80"
    body = n.to_bytes(max(1, (n.bit_length() + 7) // 8), "big")
    if form == "padded":
        body = b"\x00" + body
        return bytes([0x80 | len(body)]) + body
    if form == "long" or n >= 0x80:
        return bytes([0x80 | len(body)]) + body
    return bytes([n])


def tlv(tag: int, content: bytes, form: str = "der") -> bytes:
    if form == "indef":
        return bytes([tag]) + b"\x80" + content + b"\x00\x00"
    return bytes([tag]) + length(len(content), form) + content


def seq(*items: bytes, form: str = "der") -> bytes:
    return tlv(0x30, b"".join(items), form)


def set_(*items: bytes) -> bytes:
    return tlv(0x31, b"".join(items))


def integer(v: int) -> bytes:
    n = max(1, (v.bit_length() + 8) // 8)  # room for the sign bit
    return tlv(0x02, v.to_bytes(n, "big", signed=True))


def integer_raw(content: bytes) -> bytes:
    return tlv(0x02, content)


def oid_content(dotted: str) -> bytes:
    arcs = [int(a) for a in dotted.split(".")]
    out = bytearray()
    for i, arc in enumerate([arcs[0] * 40 + arcs[1]] + arcs[2:]):
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(chunk))
    return bytes(out)


def oid(dotted: str) -> bytes:
    return tlv(0x06, oid_content(dotted))


def null() -> bytes:
    return b"\x05\x00"


def bit_string(data: bytes, unused: int = 0) -> bytes:
    return tlv(0x03, bytes([unused]) + data)


def octet_string(data: bytes) -> bytes:
    return tlv(0x04, data)


def explicit(n: int, content: bytes) -> bytes:
    return tlv(0xA0 | n, content)


def implicit(n: int, content: bytes, constructed: bool = False) -> bytes:
    return tlv((0xA0 if constructed else 0x80) | n, content)


def utc(text: str) -> bytes:
    return tlv(0x17, text.encode())


def gen(text: str) -> bytes:
    return tlv(0x18, text.encode())


# ------------------------------------------------------------------ OIDs

OID = {
    "CN": "2.5.4.3", "SN": "2.5.4.4", "serialNumber": "2.5.4.5", "C": "2.5.4.6", "L": "2.5.4.7",
    "ST": "2.5.4.8", "STREET": "2.5.4.9", "O": "2.5.4.10", "OU": "2.5.4.11", "title": "2.5.4.12",
    "GN": "2.5.4.42", "dnQualifier": "2.5.4.46", "pseudonym": "2.5.4.65",
    "UID": "0.9.2342.19200300.100.1.1", "DC": "0.9.2342.19200300.100.1.25",
    "emailAddress": "1.2.840.113549.1.9.1", "unknown": "1.3.6.1.4.1.99999.1.2.3",
    "bigarc": "2.999.18446744073709551616.1",
}
SIG = {
    "sha256WithRSA": seq(oid("1.2.840.113549.1.1.11"), null()),
    "sha384WithRSA": seq(oid("1.2.840.113549.1.1.12"), null()),
    "sha1WithRSA": seq(oid("1.2.840.113549.1.1.5"), null()),
    "sha256WithRSA_noparams": seq(oid("1.2.840.113549.1.1.11")),
    "ecdsa-sha256": seq(oid("1.2.840.10045.4.3.2")),
    "ecdsa-sha384": seq(oid("1.2.840.10045.4.3.3")),
    "ed25519": seq(oid("1.3.101.112")),
    "ed448": seq(oid("1.3.101.113")),
    "sm2-sm3": seq(oid("1.2.156.10197.1.501")),
    "dsa-sha256": seq(oid("2.16.840.1.101.3.4.3.2")),
    "rsassa-pss": seq(oid("1.2.840.113549.1.1.10"), seq(
        explicit(0, seq(oid("2.16.840.1.101.3.4.2.1"), null())),
        explicit(1, seq(oid("1.2.840.113549.1.1.8"), seq(oid("2.16.840.1.101.3.4.2.1"), null()))),
        explicit(2, integer(32)))),
    "unknown": seq(oid("1.3.6.1.4.1.99999.2")),
}

# ------------------------------------------------------------------ names


def atv(kind: str, value: bytes, tag: int = 0x0C) -> bytes:
    return seq(oid(OID.get(kind, kind)), tlv(tag, value))


def rdn(*atvs: bytes) -> bytes:
    return set_(*atvs)


def name(*rdns: bytes) -> bytes:
    return seq(*rdns)


def simple_name(cn: str, o: str = "alicert fuzz") -> bytes:
    return name(rdn(atv("C", b"CN", 0x13)), rdn(atv("O", o.encode())), rdn(atv("CN", cn.encode())))


# ------------------------------------------------------------------ keys


def run(args: list[str], data: bytes | None = None) -> bytes:
    return subprocess.run(args, input=data, check=True, capture_output=True).stdout


def openssl_pub(private_der: bytes, extra: list[str] | None = None) -> bytes:
    with tempfile.NamedTemporaryFile(suffix=".der") as f:
        f.write(private_der)
        f.flush()
        return run(["openssl", "pkey", "-inform", "DER", "-in", f.name, "-pubout", "-outform", "DER"] + (extra or []))


def ec_spki(curve_oid: str, explicit_params: bool = False) -> bytes:
    # ECPrivateKey with d = 1: OpenSSL derives the public point, the generator.
    key = seq(integer(1), octet_string(b"\x01"), explicit(0, oid(curve_oid)))
    if not explicit_params:
        return openssl_pub(key)
    with tempfile.NamedTemporaryFile(suffix=".der") as f:
        f.write(key)
        f.flush()
        return run(["openssl", "ec", "-inform", "DER", "-in", f.name, "-pubout", "-outform", "DER",
                    "-param_enc", "explicit"])


def ed_spki(alg_oid: str, seed_len: int) -> bytes:
    seed = hashlib.shake_256(alg_oid.encode()).digest(seed_len)
    pkcs8 = seq(integer(0), seq(oid(alg_oid)), octet_string(octet_string(seed)))
    return openssl_pub(pkcs8)


def made_up(bits: int, label: str) -> int:
    """A number of exactly `bits` bits, odd, derived from `label`."""
    raw = hashlib.shake_256(label.encode()).digest((bits + 7) // 8)
    n = int.from_bytes(raw, "big") >> ((8 - bits % 8) % 8)
    return n | (1 << (bits - 1)) | 1


def rsa_spki(bits: int, alg: bytes | None = None, e: int = 65537) -> bytes:
    alg = alg or seq(oid("1.2.840.113549.1.1.1"), null())
    return seq(alg, bit_string(seq(integer(made_up(bits, f"rsa{bits}")), integer(e))))


def dsa_spki(pbits: int) -> bytes:
    p, q = made_up(pbits, "dsa-p"), made_up(256, "dsa-q")
    g, y = made_up(pbits - 8, "dsa-g"), made_up(pbits - 8, "dsa-y")
    return seq(seq(oid("1.2.840.10040.4.1"), seq(integer(p), integer(q), integer(g))), bit_string(integer(y)))


def keys() -> dict[str, tuple[bytes, bytes]]:
    """name -> (SubjectPublicKeyInfo, a matching signature AlgorithmIdentifier)."""
    pss = seq(oid("1.2.840.113549.1.1.10"))
    k = {
        "rsa1024": (rsa_spki(1024), SIG["sha1WithRSA"]),
        "rsa2048": (rsa_spki(2048), SIG["sha256WithRSA"]),
        "rsa3071_odd": (rsa_spki(3071), SIG["sha384WithRSA"]),
        "rsa4096_e3": (rsa_spki(4096, e=3), SIG["sha256WithRSA"]),
        "rsa_pss": (rsa_spki(2048, pss), SIG["rsassa-pss"]),
        "rsa_no_null": (rsa_spki(2048, seq(oid("1.2.840.113549.1.1.1"))), SIG["sha256WithRSA_noparams"]),
        "dsa2048": (dsa_spki(2048), SIG["dsa-sha256"]),
        "ec_p256": (ec_spki("1.2.840.10045.3.1.7"), SIG["ecdsa-sha256"]),
        "ec_p384": (ec_spki("1.3.132.0.34"), SIG["ecdsa-sha384"]),
        "ec_p521": (ec_spki("1.3.132.0.35"), SIG["ecdsa-sha384"]),
        "ec_secp256k1": (ec_spki("1.3.132.0.10"), SIG["ecdsa-sha256"]),
        "ec_brainpool256": (ec_spki("1.3.36.3.3.2.8.1.1.7"), SIG["ecdsa-sha256"]),
        "ec_p224": (ec_spki("1.3.132.0.33"), SIG["ecdsa-sha256"]),
        "ec_p256_explicit": (ec_spki("1.2.840.10045.3.1.7", True), SIG["ecdsa-sha256"]),
        "sm2": (ec_spki("1.2.156.10197.1.301"), SIG["sm2-sm3"]),
        "ed25519": (ed_spki("1.3.101.112", 32), SIG["ed25519"]),
        "ed448": (ed_spki("1.3.101.113", 57), SIG["ed448"]),
        "x25519": (ed_spki("1.3.101.110", 32), SIG["ed25519"]),
        "unknown_alg": (seq(seq(oid("1.3.6.1.4.1.99999.3"), null()), bit_string(b"\x01\x02\x03")), SIG["unknown"]),
        "ec_no_params": (seq(seq(oid("1.2.840.10045.2.1")), bit_string(b"\x04" + bytes(64))), SIG["ecdsa-sha256"]),
        "ec_unknown_curve": (seq(seq(oid("1.2.840.10045.2.1"), oid("1.3.6.1.4.1.99999.4")), bit_string(b"\x04" + bytes(64))),
                             SIG["ecdsa-sha256"]),
        "rsa_unused_bits": (seq(seq(oid("1.2.840.113549.1.1.1"), null()),
                                bit_string(seq(integer(made_up(512, "u")), integer(3)) + b"\x80", 7)), SIG["sha256WithRSA"]),
        "rsa_negative_modulus": (seq(seq(oid("1.2.840.113549.1.1.1"), null()),
                                     bit_string(seq(integer(-made_up(1024, "neg")), integer(65537)))), SIG["sha256WithRSA"]),
    }
    return k


# ------------------------------------------------------------------ certificates

KEYS: dict[str, tuple[bytes, bytes]] = {}  # filled by make_der_seeds.main() from keys()

RNG = random.Random(20240601)


def signature(n: int = 64) -> bytes:
    return bytes(RNG.getrandbits(8) for _ in range(n))


def ext(oid_dotted: str, value: bytes, critical: bool | None = None) -> bytes:
    parts = [oid(oid_dotted)]
    if critical is not None:
        parts.append(tlv(0x01, b"\xff" if critical else b"\x00"))
    parts.append(octet_string(value))
    return seq(*parts)


SAN = "2.5.29.17"
SKI = "2.5.29.14"
BC = "2.5.29.19"
KU = "2.5.29.15"


def san(*names: bytes) -> bytes:
    return ext(SAN, seq(*names))


def ski(key_id: bytes) -> bytes:
    return ext(SKI, octet_string(key_id))


def validity(nb: bytes | None = None, na: bytes | None = None) -> bytes:
    return seq(nb or utc("260101000000Z"), na or utc("280101000000Z"))


def tbs(*, version: bytes | None = explicit(0, integer(2)), serial: bytes = integer(0x1234),
        sig: bytes = SIG["sha256WithRSA"], issuer: bytes | None = None, valid: bytes | None = None,
        subject: bytes | None = None, spki: bytes | None = None, uids: bytes = b"",
        extensions: list[bytes] | None = None, ext_wrapper: bytes | None = None) -> bytes:
    parts = [version or b"", serial, sig, issuer or simple_name("alicert fuzz CA"), valid or validity(),
             subject or simple_name("leaf.example.com"), spki or KEYS["rsa2048"][0], uids]
    if ext_wrapper is not None:
        parts.append(ext_wrapper)
    elif extensions:
        parts.append(explicit(3, seq(*extensions)))
    return seq(*parts)


def cert(tbs_der: bytes, sig: bytes = SIG["sha256WithRSA"], sig_value: bytes | None = None) -> bytes:
    return seq(tbs_der, sig, sig_value if sig_value is not None else bit_string(signature()))


def default_exts(key_id: bytes = b"\x11" * 20) -> list[bytes]:
    return [ext(BC, seq(), True), ski(key_id), san(implicit(2, b"leaf.example.com"), implicit(7, b"\xc0\x00\x02\x01"))]
