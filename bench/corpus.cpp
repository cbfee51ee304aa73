#include "corpus.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "alicert/responses/parser.h"
#include "alicert/x509/certificate.h"
#include "alicert/x509/pem.h"

namespace bench {
namespace fs = std::filesystem;

json_doc::json_doc(std::string n, std::string t)
    : name(std::move(n)), text(std::move(t)), padded(text) {}

const char* api_label(api_kind a) noexcept {
  switch (a) {
    case api_kind::cas: return "cas";
    case api_kind::kms: return "kms";
    case api_kind::cdn: return "cdn";
  }
  return "?";
}

std::size_t api_set::total_bytes() const noexcept {
  std::size_t n = 0;
  for (const auto& u : units) n += u.bytes;
  return n;
}

// 2024-06-01T00:00:00Z.
std::int64_t reference_now() noexcept { return 1717200000; }

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& suffix) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string n = e.path().filename().string();
    if (e.is_regular_file() && n.size() > suffix.size() &&
        n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void add_pem(std::vector<std::string>& pems, const alicert::reported_text& t) {
  if (t.present() && t.text.find("-----BEGIN") != std::string_view::npos) pems.emplace_back(t.text);
}

// The base64 bodies of every block of `pem`, keeping base64 characters and
// line breaks only (a literal "\n" left in the text is dropped).
void split_bodies(std::string_view pem, std::vector<std::string>& out) {
  std::size_t pos = 0;
  while ((pos = pem.find("-----BEGIN", pos)) != std::string_view::npos) {
    std::size_t body = pem.find("-----", pos + 10);
    if (body == std::string_view::npos) return;
    body += 5;
    std::size_t end = pem.find("-----END", body);
    if (end == std::string_view::npos) return;
    std::string b;
    b.reserve(end - body);
    for (std::size_t i = body; i < end; ++i) {
      const char c = pem[i];
      if (c == '\\' && i + 1 < end && (pem[i + 1] == 'n' || pem[i + 1] == 'r')) {
        ++i;
        b += '\n';
      } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                 c == '/' || c == '=' || c == '\n') {
        b += c;
      } else if (c == ' ' || c == '\r' || c == '\t') {
        b += '\n';
      }
    }
    out.push_back(std::move(b));
    pos = end + 8;
  }
}

}  // namespace

void derive_pem(unit& u) {
  u.pems.clear();
  u.base64_bodies.clear();
  u.cert_ders.clear();
  alicert::parser p;
  for (const auto& d : u.docs) {
    auto doc = p.parse(d.padded);
    if (!doc) continue;
    if (doc->cas) {
      add_pem(u.pems, doc->cas->certificate.x509_certificate);
      add_pem(u.pems, doc->cas->certificate.cert_chain);
    } else if (doc->kms_get) {
      add_pem(u.pems, doc->kms_get->certificate);
      add_pem(u.pems, doc->kms_get->certificate_chain);
      add_pem(u.pems, doc->kms_get->csr);
    } else if (doc->kms_describe) {
      add_pem(u.pems, doc->kms_describe->subject_public_key);
    } else if (doc->cdn) {
      for (const auto& c : doc->cdn->cert_infos) add_pem(u.pems, c.https_crt);
    }
  }
  alicert::x509::pem_decoder decoder;
  for (const auto& pem : u.pems) {
    split_bodies(pem, u.base64_bodies);
    auto blocks = decoder.decode(pem, nullptr);
    if (!blocks) continue;
    for (const auto& b : *blocks)
      if (b.label == "CERTIFICATE") u.cert_ders.emplace_back(b.der.begin(), b.der.end());
  }
}

api_set load_api(const std::string& dir, api_kind api) {
  api_set set{api, {}, {}};
  const fs::path root = fs::path(dir) / (std::string("parse_") + api_label(api));
  alicert::parser p;
  auto accept = [&](unit u) {
    for (const auto& d : u.docs) {
      auto doc = p.parse(d.padded);
      if (!doc) {
        set.skipped.push_back(d.name + ": " + std::string(alicert::error_name(doc.error().code)));
        return;
      }
      const bool ok = (api == api_kind::cas && doc->cas) || (api == api_kind::cdn && doc->cdn) ||
                      (api == api_kind::kms && (doc->kms_get || doc->kms_describe));
      if (!ok) {
        set.skipped.push_back(d.name + ": " + std::string(alicert::api_name(doc->kind)));
        return;
      }
      if (doc->cdn && doc->cdn->cert_infos.empty()) {
        set.skipped.push_back(d.name + ": no CertInfo entry");
        return;
      }
      u.bytes += d.text.size();
    }
    derive_pem(u);
    if (u.cert_ders.empty() || !alicert::x509::read_certificate(u.cert_ders.front())) {
      set.skipped.push_back(u.name + ": no readable certificate");
      return;
    }
    set.units.push_back(std::move(u));
  };
  if (api == api_kind::kms) {
    for (const auto& describe : files_in(root, ".describe.json")) {
      std::string base = describe.filename().string();
      base.resize(base.size() - std::string(".describe.json").size());
      const fs::path get = root / (base + ".get.json");
      if (!fs::exists(get)) {
        set.skipped.push_back(base + ": no .get.json");
        continue;
      }
      unit u;
      u.name = base;
      u.docs.emplace_back(get.filename().string(), read_text(get));
      u.docs.emplace_back(describe.filename().string(), read_text(describe));
      accept(std::move(u));
    }
  } else {
    for (const auto& f : files_in(root, ".json")) {
      unit u;
      u.name = f.filename().string();
      u.docs.emplace_back(u.name, read_text(f));
      accept(std::move(u));
    }
  }
  return set;
}

unit make_cdn_list(const unit& source, std::size_t n) {
  auto j = nlohmann::json::parse(source.docs.front().text);
  nlohmann::json entry;
  auto& infos = j["CertInfos"];
  if (infos.is_array()) {
    entry = infos.at(0);
  } else {
    auto& list = infos["CertInfo"];
    entry = list.is_array() ? list.at(0) : list;
  }
  nlohmann::json out;
  out["RequestId"] = "5C3AE8C4-0000-4000-8000-000000000000";
  auto& arr = out["CertInfos"]["CertInfo"] = nlohmann::json::array();
  for (std::size_t i = 0; i < n; ++i) arr.push_back(entry);
  unit u;
  u.name = "cdn_list_" + std::to_string(n);
  u.docs.emplace_back(u.name, out.dump());
  u.bytes = u.docs.front().text.size();
  derive_pem(u);
  return u;
}

namespace {

struct x509_free_t {
  void operator()(X509* x) const noexcept { X509_free(x); }
};
struct pkey_free_t {
  void operator()(EVP_PKEY* k) const noexcept { EVP_PKEY_free(k); }
};
using x509_ptr = std::unique_ptr<X509, x509_free_t>;
using pkey_ptr = std::unique_ptr<EVP_PKEY, pkey_free_t>;

void add_ext(X509* issuer, X509* subject, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, subject, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!ext) throw std::runtime_error("X509V3_EXT_conf_nid");
  X509_add_ext(subject, ext, -1);
  X509_EXTENSION_free(ext);
}

// Issues a certificate for `key` named `cn`, signed by issuer/issuer_key (self-signed when null).
x509_ptr issue(EVP_PKEY* key, const char* cn, bool ca, X509* issuer, EVP_PKEY* issuer_key, long serial) {
  x509_ptr x(X509_new());
  X509_set_version(x.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x.get()), serial);
  const std::time_t now = static_cast<std::time_t>(reference_now());
  ASN1_TIME_set(X509_getm_notBefore(x.get()), now - 30L * 86400);
  ASN1_TIME_set(X509_getm_notAfter(x.get()), now + (ca ? 3650L : 365L) * 86400);
  X509_set_pubkey(x.get(), key);
  X509_NAME* name = X509_get_subject_name(x.get());
  auto entry = [&](const char* field, const char* value) {
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_ASC, reinterpret_cast<const unsigned char*>(value), -1, -1, 0);
  };
  entry("C", "CN");
  entry("O", "Alibaba Cloud Benchmark");
  entry("CN", cn);
  X509* signer = issuer ? issuer : x.get();
  X509_set_issuer_name(x.get(), X509_get_subject_name(signer));
  add_ext(signer, x.get(), NID_subject_key_identifier, "hash");
  if (issuer) add_ext(signer, x.get(), NID_authority_key_identifier, "keyid:always");
  if (ca) {
    add_ext(signer, x.get(), NID_basic_constraints, "critical,CA:TRUE");
    add_ext(signer, x.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_ext(signer, x.get(), NID_subject_alt_name, "DNS:www.example.com,DNS:example.com,DNS:*.cdn.example.com");
    add_ext(signer, x.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment");
  }
  if (!X509_sign(x.get(), issuer_key ? issuer_key : key, EVP_sha256())) throw std::runtime_error("X509_sign");
  return x;
}

std::string to_pem(X509* x) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, x);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string s(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  return s;
}

std::string go_time(const ASN1_TIME* t) {
  std::tm tm{};
  ASN1_TIME_to_tm(t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S +0000 UTC", &tm);
  return buf;
}

// leaf, int3, int2, int1 (root not sent, as servers do).
struct generated_chain {
  std::vector<std::string> pems;
  std::string not_before, not_after;
};

const generated_chain& chain() {
  static const generated_chain c = [] {
    generated_chain g;
    std::vector<pkey_ptr> keys;
    for (int i = 0; i < 5; ++i) keys.emplace_back(EVP_RSA_gen(2048));
    x509_ptr root = issue(keys[0].get(), "Bench Root CA", true, nullptr, nullptr, 1);
    x509_ptr i1 = issue(keys[1].get(), "Bench Intermediate 1", true, root.get(), keys[0].get(), 2);
    x509_ptr i2 = issue(keys[2].get(), "Bench Intermediate 2", true, i1.get(), keys[1].get(), 3);
    x509_ptr i3 = issue(keys[3].get(), "Bench Intermediate 3", true, i2.get(), keys[2].get(), 4);
    x509_ptr leaf = issue(keys[4].get(), "www.example.com", false, i3.get(), keys[3].get(), 0x1234567890abcdefL);
    g.pems = {to_pem(leaf.get()), to_pem(i3.get()), to_pem(i2.get()), to_pem(i1.get())};
    g.not_before = go_time(X509_get0_notBefore(leaf.get()));
    g.not_after = go_time(X509_get0_notAfter(leaf.get()));
    return g;
  }();
  return c;
}

}  // namespace

unit make_chain_document(std::size_t length) {
  const generated_chain& g = chain();
  std::string pem;
  for (std::size_t i = 0; i < length && i < g.pems.size(); ++i) pem += g.pems[i];
  nlohmann::json entry;
  entry["CertId"] = "9001";
  entry["CertName"] = "bench-chain-" + std::to_string(length);
  entry["CertType"] = "upload";
  entry["CreateTime"] = g.not_before;
  entry["CertExpireTime"] = g.not_after;
  entry["HttpsCrt"] = pem;
  entry["DomainList"] = "www.example.com,example.com,img.cdn.example.com";
  nlohmann::json out;
  out["CertInfos"]["CertInfo"] = nlohmann::json::array({entry});
  out["RequestId"] = "5C3AE8C4-0000-4000-8000-00000000000" + std::to_string(length);
  unit u;
  u.name = "chain_" + std::to_string(length);
  u.docs.emplace_back(u.name, out.dump(2));
  u.bytes = u.docs.front().text.size();
  derive_pem(u);
  return u;
}

std::string make_stream(const std::vector<const api_set*>& sets, std::size_t count) {
  std::string out;
  std::size_t written = 0;
  std::size_t round = 0;
  bool any = false;
  for (const auto* s : sets) any = any || !s->units.empty();
  if (!any) return out;
  while (written < count) {
    for (const auto* s : sets) {
      if (s->units.empty()) continue;
      const unit& u = s->units[round % s->units.size()];
      for (const auto& d : u.docs) {
        if (written == count) break;
        out += d.text;
        if (out.back() != '\n') out += '\n';
        ++written;
      }
    }
    ++round;
  }
  return out;
}

}  // namespace bench
