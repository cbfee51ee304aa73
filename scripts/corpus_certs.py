"""Corpus generator, part 2: the certificates (specs, chains, the openssl CA,
the recipe cache in corpus/keys/). See make_corpus.py."""
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

from corpus_base import *  # noqa: F401,F403  the earlier parts

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
