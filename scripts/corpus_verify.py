"""Corpus generator, part 6: the verification of what was written. See make_corpus.py."""
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

from corpus_errors import *  # noqa: F401,F403  the earlier parts

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
