"""The sibling APIs' corpus documents (docs/siblings.md), for scripts/make_corpus.py.

Every reported value is derived from a generated certificate, in each shape
the spec accepts; `verify` cross-checks each positive document against the
certificate with Python's own hashlib, ipaddress and datetime, independently
of alicert. make_corpus.py passes itself in as `m` (its helpers: O, doc_text,
ms, iso, go_time, pem_shape, chain_pem, issuers_of, uuid_of, pem_blocks, die).
"""
import datetime as dt
import hashlib
import ipaddress
import json
import re
from pathlib import Path

UTC = dt.timezone.utc
# One folder per API, each the seed corpus of its fuzz target.
FOLDERS = ("parse_gucd", "parse_luco", "parse_cdn_domain", "parse_dcdn", "parse_slb")


def ssl_id(c) -> int:
    return 10_000_000 + int(c.sha256[:5], 16)


def names(c) -> list:
    """The DNS and IP SANs, as the untyped lists report them."""
    return [v for k, v in c.sans if k in ("dns", "ip")]


def display_issuer(c) -> str:
    return c.attr("issuer", "O") or c.attr("issuer", "CN") or ""


def sha1(c) -> str:
    return hashlib.sha1(c.der).hexdigest()


def algorithm(c) -> str | None:
    return {"RSA": "RSA", "EC": "ECC", "SM2": "SM2"}.get(c.key["alg"])


def date(t: dt.datetime, utc8: bool = False) -> str:
    return (t + dt.timedelta(hours=8 if utc8 else 0)).strftime("%Y-%m-%d")


# -- cas.GetUserCertificateDetail ---------------------------------------------------------------

def gucd(m, certs, keys, name, *, case, numbers_as_strings=False, sans="comma", chain="array", utc8=False,
         key=True, sm2_pair=None, now=dt.datetime(2026, 12, 1, tzinfo=UTC)):
    c = certs[name]
    bundle = [name] + m.issuers_of(certs, c)
    num = (lambda v: str(v)) if numbers_as_strings else (lambda v: v)
    entries = [m.O(("CommonName", certs[n].attr("subject", "CN") or ""),
                   ("IssuerCommonName", certs[n].attr("issuer", "CN") or ""),
                   ("NotBefore", num(m.ms(certs[n].not_before))), ("NotAfter", num(m.ms(certs[n].not_after))),
                   ("RemainDay", max(0, (certs[n].not_after - now).days))) for n in bundle]
    sans_value = {"comma": ", ".join(names(c)), "array": names(c), "json_string": json.dumps(names(c))}[sans]
    o = m.O(
        ("Id", num(ssl_id(c))),
        ("CertIdentifier", f"{ssl_id(c)}-cn-hangzhou"),
        ("Name", f"cert-{name}"),
        ("InstanceId", f"cas-instance-{ssl_id(c)}"),
        ("Cert", m.chain_pem(certs, bundle)),
        ("Key", keys(name) if key else None),
        ("Common", c.attr("subject", "CN") or ""),
        ("Sans", sans_value or None),
        ("Fingerprint", sha1(c).upper()),
        ("Sha2", c.sha256.upper()),
        ("SerialNo", "0" + f"{c.serial:x}" if len(f"{c.serial:x}") % 2 else f"{c.serial:x}"),
        ("Issuer", display_issuer(c)),
        ("OrgName", c.attr("subject", "O") or ""),
        ("Province", c.attr("subject", "ST") or ""),
        ("City", c.attr("subject", "L") or ""),
        ("Country", c.attr("subject", "C") or ""),
        ("NotBefore", num(m.ms(c.not_before))),
        ("NotAfter", num(m.ms(c.not_after))),
        ("StartDate", date(c.not_before, utc8)),
        ("EndDate", date(c.not_after, utc8)),
        ("Expired", ("true" if c.not_after < now else "false") if numbers_as_strings else c.not_after < now),
        ("BuyInAliyun", False),
        ("Algorithm", algorithm(c)),
        ("CertChain", entries if chain == "array" else entries[0]),
        ("Tags", []),
        ("RequestId", m.uuid_of("gucd:" + case)),
    )
    if sm2_pair:
        sign, encrypt = sm2_pair
        o.drop("Cert", "Key").set("SignCert", certs[sign].pem).set("EncryptCert", certs[encrypt].pem)
        o.set("SignPrivateKey", keys(sign)).set("EncryptPrivateKey", keys(encrypt))
    return o


def cert_filter(m, certs, name):
    """CertFilter=true: no PEM, no key; every certificate finding is unverifiable."""
    c = certs[name]
    return m.O(("Id", ssl_id(c)), ("Name", f"cert-{name}"), ("Common", c.attr("subject", "CN") or ""),
               ("Sha2", c.sha256.upper()), ("EndDate", date(c.not_after)), ("RequestId", m.uuid_of("filter:" + name)))


# -- cas.ListUserCertificateOrder ---------------------------------------------------------------

def order(m, certs, name, *, numbers_as_strings=False, by="id"):
    c = certs[name]
    num = (lambda v: str(v)) if numbers_as_strings else (lambda v: v)
    o = m.O(
        ("CertificateId", num(ssl_id(c)) if by == "id" else num(90_000_000 + ssl_id(c))),
        ("Name", f"cert-{name}"), ("Upload", False), ("Status", "ISSUED"), ("CertType", "DV"),
        ("CommonName", c.attr("subject", "CN") or ""), ("Sans", ",".join(names(c)) or None),
        ("Fingerprint", sha1(c).upper()), ("Sha2", c.sha256.upper() if by != "fingerprint" else None),
        ("SerialNo", f"{c.serial:x}"), ("Issuer", display_issuer(c)),
        ("OrgName", c.attr("subject", "O") or ""), ("Province", c.attr("subject", "ST") or ""),
        ("City", c.attr("subject", "L") or ""), ("Country", c.attr("subject", "C") or ""),
        ("StartDate", date(c.not_before)), ("EndDate", date(c.not_after)),
        ("CertStartTime", num(m.ms(c.not_before))), ("CertEndTime", num(m.ms(c.not_after))),
        ("Expired", c.not_after < dt.datetime(2026, 12, 1, tzinfo=UTC)), ("Algorithm", algorithm(c)),
    )
    return o


def order_list(m, case, entries, *, total=None, single=False):
    return m.O(("CertificateOrderList", entries[0] if single else entries),
               ("TotalCount", len(entries) if total is None else total), ("CurrentPage", 1), ("ShowSize", 50),
               ("RequestId", m.uuid_of("luco:" + case)))


# -- cdn / dcdn per-domain ---------------------------------------------------------------------

def domain_entry(m, certs, name, domain, *, dcdn=False, times="iso", pem="lf", public_key=False):
    c = certs[name]
    when = {"iso": lambda t: m.iso(t), "go": lambda t: m.go_time(t),
            "zoneless_utc8": lambda t: (t + dt.timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")}[times]
    body = m.to_pem(c.spki_der, "PUBLIC KEY") if public_key else m.chain_pem(certs, [name] + m.issuers_of(certs, c))
    dns = [v for k, v in c.sans if k == "dns"]
    o = m.O(("DomainName", domain), ("CertDomainName", dns[0] if dns else c.attr("subject", "CN")),
            ("SSLPub" if dcdn else "ServerCertificate", m.pem_shape(body, pem)),
            ("SSLProtocol" if dcdn else "ServerCertificateStatus", "on"),
            ("CertExpireTime", when(c.not_after)), ("CertOrg", display_issuer(c)),
            ("CertId", str(ssl_id(c))), ("CertName", f"cert-{name}"), ("CertType", "cas"),
            ("CertLife", "12 months"), ("Status", "success"), ("CertRegion", "cn-hangzhou"))
    if not dcdn:
        o.set("CertStartTime", when(c.not_before)).set("DomainCnameStatus", "online")
    return o


def domain_doc(m, case, entries, *, single=False):
    return m.O(("CertInfos", m.O(("CertInfo", entries[0] if single else entries))),
               ("RequestId", m.uuid_of("domain:" + case)))


# -- slb.DescribeServerCertificates ------------------------------------------------------------

def server_certificate(m, certs, name, *, sans="wrapper", cas=True, stamps_as_strings=False):
    c = certs[name]
    n = names(c)
    sans_value = {"wrapper": m.O(("SubjectAlternativeName", n)),
                  "collapsed": m.O(("SubjectAlternativeName", n[0] if n else "")),
                  "json_in_list": m.O(("SubjectAlternativeName", [json.dumps(n)])),
                  "bare": n, "json_string": json.dumps(n), "empty": m.O()}[sans]
    stamp = (lambda v: str(v)) if stamps_as_strings else (lambda v: v)
    fp = sha1(c)
    return m.O(
        ("ServerCertificateId", f"idkp-{ssl_id(c)}-cn-hangzhou"), ("ServerCertificateName", f"cert-{name}"),
        ("RegionId", "cn-hangzhou"), ("ResourceGroupId", "rg-acfm00000000000"),
        ("Fingerprint", ":".join(fp[i:i + 2] for i in range(0, len(fp), 2))),
        ("CommonName", c.attr("subject", "CN") or ""), ("SubjectAlternativeNames", sans_value),
        ("ExpireTime", m.iso(c.not_after)), ("ExpireTimeStamp", stamp(m.ms(c.not_after))),
        ("CreateTime", m.iso(c.not_before)), ("CreateTimeStamp", stamp(m.ms(c.not_before))),
        ("IsAliCloudCertificate", 1 if cas else 0), ("AliCloudCertificateId", str(ssl_id(c)) if cas else ""),
        ("AliCloudCertificateName", f"cert-{name}" if cas else ""),
        ("Tags", m.O(("Tag", [m.O(("TagKey", "env"), ("TagValue", "test"))]))))


def server_doc(m, case, entries, *, single=False, bare=False):
    lst = entries[0] if single else entries
    return m.O(("RequestId", m.uuid_of("slb:" + case)),
               ("ServerCertificates", lst if bare else m.O(("ServerCertificate", lst))))


# -- the documents -----------------------------------------------------------------------------

def build(m, certs, state: Path) -> dict:
    """{relative path: text} of every sibling document."""
    keys = lambda n: (state / f"{n}.key").read_text()  # noqa: E731  test-only keys (corpus/keys/README.md)
    C = lambda d: m.doc_text(d, "compact")  # noqa: E731
    P = lambda d: m.doc_text(d, "pretty")  # noqa: E731
    f = {}
    g = lambda n, **k: gucd(m, certs, keys, n, case=n, **k)  # noqa: E731
    f["parse_gucd/documented_rsa2048.json"] = P(g("leaf-rsa2048"))
    f["parse_gucd/numbers_as_strings_ec_p256.json"] = P(g("leaf-ec-p256", numbers_as_strings=True,
                                                                 sans="array", chain="object"))
    f["parse_gucd/sans_json_string_p384.json"] = P(g("leaf-ec-p384", sans="json_string"))
    f["parse_gucd/dates_utc8.json"] = P(g("ss-v1-nosan", utc8=True))
    f["parse_gucd/sm2_pair.json"] = P(g("leaf-sm2", sm2_pair=("leaf-sm2", "ca-sm2")))
    f["parse_gucd/cert_filter.json"] = P(cert_filter(m, certs, "leaf-rsa4096"))
    f["parse_gucd/ed25519_no_key.json"] = P(g("ss-ed25519", key=False))
    ids = ["leaf-rsa2048", "leaf-ec-p256", "leaf-ec-p384", "kms-rsa3072"]
    f["parse_luco/documented.json"] = P(order_list(m, "documented", [order(m, certs, n) for n in ids]))
    f["parse_luco/single_more_pages.json"] = P(order_list(m, "single", [order(m, certs, "leaf-sm2",
                                                     numbers_as_strings=True)], total=7, single=True))
    # Orders with the details they pair with, by CertificateId and by digest, in one input.
    f["check/luco_orders_with_details.ndjson"] = "".join(
        [C(g(n)) for n in ids] +
        [C(order_list(m, "with", [order(m, certs, n) for n in ids] +
                      [order(m, certs, "leaf-ec-p256", by="sha2"), order(m, certs, "leaf-rsa2048", by="fingerprint")]))])
    d = lambda n, dom, **k: domain_entry(m, certs, n, dom, **k)  # noqa: E731
    f["parse_cdn_domain/documented.json"] = P(domain_doc(m, "cdn", [
        d("leaf-rsa2048", "www.aliyundoc.com"), d("leaf-ec-p256", "www.example.com", times="go")]))
    # `.cdn.example.org`: CDN's way of writing the wildcard domain the SAN *.cdn.example.org covers.
    f["parse_cdn_domain/zoneless_utc8_leading_dot.json"] = P(domain_doc(m, "zoneless", [
        d("leaf-ec-p384", ".cdn.example.org", times="zoneless_utc8")], single=True))
    f["parse_cdn_domain/public_key_block.json"] = P(domain_doc(m, "pubkey", [
        d("leaf-ec-p384", "cdn.example.org", public_key=True)]))
    f["parse_dcdn/documented.json"] = P(domain_doc(m, "dcdn", [
        d("leaf-sm2", "sm2.aliyundoc.com", dcdn=True), d("kms-rsa3072", "rsa3072.example.com", dcdn=True, pem="crlf")]))
    f["parse_dcdn/single_object_go_times.json"] = P(domain_doc(m, "dcdn-single", [
        d("leaf-rsa4096", "api.aliyundoc.com", dcdn=True, times="go")], single=True))
    f["parse_cdn_domain/https_off.json"] = P(domain_doc(m, "off", [
        d("leaf-rsa2048", "www.aliyundoc.com").set("ServerCertificateStatus", "off").set("ServerCertificate", "")]))
    s = lambda n, **k: server_certificate(m, certs, n, **k)  # noqa: E731
    f["parse_slb/documented.json"] = P(server_doc(m, "documented", [s("leaf-rsa2048"), s("leaf-ec-p256", cas=False)]))
    # A list collapses to its one element only when it has one: the collapsed
    # shape is the entry of a certificate with a single SAN.
    f["parse_slb/san_shapes.json"] = P(server_doc(m, "sans", [s("ss-ec-secp256k1", sans="collapsed")] + [
        s("leaf-ec-p384", sans=shape) for shape in ("json_in_list", "bare", "json_string")] +
        [s("ss-v1-nosan", sans="empty", stamps_as_strings=True)]))
    f["parse_slb/single_bare.json"] = P(server_doc(m, "bare", [s("kms-rsa3072")], bare=True))
    f["check/slb_with_details.ndjson"] = "".join([C(g("leaf-rsa2048")), C(g("leaf-ec-p384"))] + [C(server_doc(
        m, "with", [s("leaf-rsa2048"), s("leaf-ec-p384", cas=False)]))])
    return f


# -- verification ------------------------------------------------------------------------------

class Verifier:
    """Each positive document's reported values against the certificate, in Python."""

    def __init__(self, m, by_der: dict):
        self.m, self.by_der, self.docs = m, by_der, 0

    def cert(self, pem: str, where: str):
        blocks = self.m.pem_blocks(pem)
        if not blocks or blocks[0][1] not in self.by_der:
            self.m.die(f"{where}: not a generated certificate")
        return self.by_der[blocks[0][1]]

    def eq(self, ok: bool, where: str, what: str) -> None:
        if not ok:
            self.m.die(f"{where}: {what} inconsistent")

    def common(self, x: dict, c, where: str, cn_key: str) -> None:
        eq = lambda ok, what: self.eq(ok, where, what)  # noqa: E731
        eq(x.get(cn_key) in ("", None, c.attr("subject", "CN")), cn_key)
        if x.get("Sha2"):
            eq(x["Sha2"].lower() == c.sha256, "Sha2")
        if x.get("Fingerprint"):
            eq(x["Fingerprint"].replace(":", "").lower() == sha1(c), "Fingerprint")
        if x.get("SerialNo"):
            eq(int(x["SerialNo"], 16) == c.serial, "SerialNo")
        if x.get("Issuer"):
            eq(x["Issuer"] in (c.attr("issuer", "O"), c.attr("issuer", "CN")), "Issuer")
        for k, a in (("OrgName", "O"), ("Province", "ST"), ("City", "L"), ("Country", "C")):
            eq(x.get(k) in ("", None, c.attr("subject", a)), k)
        for k, t in (("StartDate", c.not_before), ("EndDate", c.not_after)):
            if x.get(k):
                eq(x[k] in (date(t), date(t, True)), k)
        for k, t in (("NotBefore", c.not_before), ("NotAfter", c.not_after), ("CertStartTime", c.not_before),
                     ("CertEndTime", c.not_after), ("ExpireTimeStamp", c.not_after)):
            if x.get(k) is not None:
                eq(int(x[k]) == self.m.ms(t), k)
        sans = x.get("Sans", x.get("SubjectAlternativeNames"))
        if isinstance(sans, dict):
            sans = sans.get("SubjectAlternativeName", [])
        if isinstance(sans, str):
            sans = json.loads(sans) if sans.startswith("[") else [s.strip() for s in sans.split(",") if s.strip()]
        if isinstance(sans, list) and len(sans) == 1 and sans[0].startswith("["):
            sans = json.loads(sans[0])
        if sans is not None:
            want = {str(ipaddress.ip_address(v)) if k == "ip" else v.lower() for k, v in c.sans if k in ("dns", "ip")}
            eq({s.lower() for s in sans} <= want | {(c.attr("subject", "CN") or "").lower()}, "Sans")

    def doc(self, d: dict, where: str, partners: dict) -> None:
        self.docs += 1
        if "CertificateOrderList" in d:
            lst = d["CertificateOrderList"]
            for e in ([lst] if isinstance(lst, dict) else lst):
                c = partners.get(str(e.get("CertificateId"))) or self.by_sha(e)
                if c:
                    self.common(e, c, where, "CommonName")
        elif "ServerCertificates" in d:
            lst = d["ServerCertificates"]
            lst = lst.get("ServerCertificate", []) if isinstance(lst, dict) else lst
            for e in ([lst] if isinstance(lst, dict) else lst):
                c = partners.get(e.get("AliCloudCertificateId")) or self.by_sha(e)
                if c:
                    self.common(e, c, where, "CommonName")
                    self.eq(e["ExpireTime"] == self.m.iso(c.not_after), where, "ExpireTime")
        elif "CertInfos" in d:
            lst = d["CertInfos"]["CertInfo"]
            for e in ([lst] if isinstance(lst, dict) else lst):
                pem = e.get("ServerCertificate", e.get("SSLPub"))
                if pem and "PUBLIC KEY" not in pem:
                    c = self.cert(pem.replace("\r\n", "\n"), where)
                    self.eq(e["CertOrg"] in (c.attr("issuer", "O"), c.attr("issuer", "CN")), where, "CertOrg")
        else:
            pem = d.get("Cert") or d.get("SignCert")
            if pem:
                c = self.cert(pem, where)
                self.common(d, c, where, "Common")
                partners[str(d["Id"])] = c

    def by_sha(self, e: dict):
        fp = (e.get("Sha2") or e.get("Fingerprint") or "").replace(":", "").lower()
        for c in self.by_der.values():
            if fp in (c.sha256, sha1(c)):
                return c
        return None

    def file(self, path: Path) -> None:
        data = path.read_text()
        docs = [json.loads(line) for line in data.splitlines() if line.strip()] if path.suffix == ".ndjson" \
            else [json.loads(data)]
        partners: dict = {}
        for i, d in enumerate(docs):
            self.doc(d, f"{path.name}#{i}", partners)
