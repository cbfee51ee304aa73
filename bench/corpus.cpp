#include "corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

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
    case api_kind::gucd: return "gucd";
    case api_kind::luco: return "luco";
    case api_kind::cdn_domain: return "cdn_domain";
    case api_kind::dcdn: return "dcdn";
    case api_kind::slb: return "slb";
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

bool is_api(const alicert::document_view& d, api_kind a) {
  using alicert::api;
  switch (a) {
    case api_kind::cas: return d.cas != nullptr;
    case api_kind::kms: return d.kms_get || d.kms_describe;
    case api_kind::cdn: return d.cdn != nullptr;
    case api_kind::gucd: return d.cas_detail != nullptr;
    case api_kind::luco: return d.cas_orders != nullptr;
    case api_kind::cdn_domain: return d.kind == api::cdn_describe_domain_certificate_info && d.cdn_domain;
    case api_kind::dcdn: return d.kind == api::dcdn_describe_domain_certificate_info && d.cdn_domain;
    case api_kind::slb: return d.slb != nullptr;
  }
  return false;
}

// The number of entries of a list API (1 for the others): a list without one
// has nothing to check, so it measures nothing of interest.
std::size_t entries(const alicert::document_view& d) {
  if (d.cdn) return d.cdn->cert_infos.size();
  if (d.cas_orders) return d.cas_orders->orders.size();
  if (d.cdn_domain) return d.cdn_domain->cert_infos.size();
  if (d.slb) return d.slb->server_certificates.size();
  return 1;
}

}  // namespace

void derive_pem(unit& u) {
  u.pems.clear();
  u.base64_bodies.clear();
  u.cert_ders.clear();
  u.chains.clear();
  alicert::parser p;
  alicert::x509::pem_decoder decoder;
  // The certificates of `texts`, in order, as one chain.
  auto chain_of = [&](std::initializer_list<const alicert::reported_text*> texts) {
    std::vector<std::vector<std::uint8_t>> chain;
    for (const auto* t : texts) {
      if (!t->present()) continue;
      auto blocks = decoder.decode(t->text, nullptr);
      if (!blocks) continue;
      for (const auto& b : *blocks)
        if (b.label == "CERTIFICATE") chain.emplace_back(b.der.begin(), b.der.end());
    }
    if (!chain.empty()) u.chains.push_back(std::move(chain));
  };
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
      chain_of({&doc->kms_get->certificate, &doc->kms_get->certificate_chain});
    } else if (doc->kms_describe) {
      add_pem(u.pems, doc->kms_describe->subject_public_key);
    } else if (doc->cdn) {
      for (const auto& c : doc->cdn->cert_infos) {
        add_pem(u.pems, c.https_crt);
        chain_of({&c.https_crt});
      }
    } else if (const auto* g = doc->cas_detail) {
      // The private keys too: the private_key check decodes them.
      for (const auto* t : {&g->cert, &g->sign_cert, &g->encrypt_cert, &g->key, &g->sign_private_key,
                            &g->encrypt_private_key})
        add_pem(u.pems, *t);
      chain_of({&g->cert});
    } else if (doc->cdn_domain) {
      for (const auto& c : doc->cdn_domain->cert_infos) {
        add_pem(u.pems, c.server_certificate);
        chain_of({&c.server_certificate});
      }
    }
  }
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
      if (!is_api(*doc, api)) {
        set.skipped.push_back(d.name + ": " + std::string(alicert::api_name(doc->kind)));
        return;
      }
      if (entries(*doc) == 0) {
        set.skipped.push_back(d.name + ": no entry");
        return;
      }
      u.bytes += d.text.size();
    }
    derive_pem(u);
    if (carries_pem(api) && (u.cert_ders.empty() || !alicert::x509::read_certificate(u.cert_ders.front()))) {
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

void collect_partners(const api_set& source, partner_store& out) {
  alicert::parser p;
  std::vector<alicert::paired_certificate> found;
  auto copy = [&](std::string_view v) -> std::string_view {
    if (v.empty()) return {};
    return out.texts.emplace_back(v);
  };
  for (const auto& u : source.units)
    for (const auto& d : u.docs) {
      auto doc = p.parse(d.padded);
      found.clear();
      if (!doc || !alicert::certificates_of(*doc, found)) continue;
      for (const auto& c : found)
        out.certificates.push_back(
            alicert::paired_certificate{copy(c.pem), c.source, c.key, copy(c.cas_id), copy(c.cas_identifier)});
    }
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
