"""Corpus generator, part 3: JSON writing with full control, and the reported
values' formatting, all derived from a CertInfo. See make_corpus.py."""
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

from corpus_certs import *  # noqa: F401,F403  the earlier parts

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
