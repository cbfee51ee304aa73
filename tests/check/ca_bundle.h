// Test support for the differential corpus of Debian's ca-certificates
// (ca_bundle_test.cpp, ca_bundle_siblings_test.cpp): the bundle, the
// documents' consistent and mutated forms, and the run over every certificate.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <sstream>

#include "alicert/check.h"
#include "alicert/responses.h"
#include "json_docs.h"

namespace cabundle {

namespace fs = std::filesystem;
using namespace jsondocs;
using alicert::check_id;
using alicert::finding_status;

// Where Debian's ca-certificates puts Mozilla's bundle, one PEM file per certificate.
inline constexpr const char* bundle_dir = "/usr/share/ca-certificates/mozilla";
inline const alicert::utc_seconds now = checktest::at(1767225600);  // 2026-01-01
inline constexpr std::string_view extra_name = "mutated.alicert.invalid";

struct bundle {
  std::vector<certificate> certs;
  std::string problem;  // why the bundle cannot be used; empty when it can
};

inline std::vector<std::uint8_t> pem_to_der(const std::string& pem) {
  BIO* b = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  char *name = nullptr, *header = nullptr;
  unsigned char* data = nullptr;
  long len = 0;
  std::vector<std::uint8_t> der;
  if (PEM_read_bio(b, &name, &header, &data, &len) == 1 && std::string_view(name) == "CERTIFICATE")
    der.assign(data, data + len);
  OPENSSL_free(name);
  OPENSSL_free(header);
  OPENSSL_free(data);
  BIO_free(b);
  return der;
}

inline bundle load_bundle() {
  bundle b;
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(bundle_dir, ec))
    for (const auto& e : fs::directory_iterator(bundle_dir, ec))
      if (e.path().extension() == ".crt") files.push_back(e.path());
  if (files.empty()) {
    b.problem = std::string("no certificate under ") + bundle_dir +
                ": install Debian's ca-certificates package (scripts/deps.sh installs it)";
    return b;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    certificate c;
    c.file = path.filename().string();
    std::ifstream in(path, std::ios::binary);
    c.pem.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    c.der = pem_to_der(c.pem);
    const unsigned char* p = c.der.data();
    c.x.reset(c.der.empty() ? nullptr : d2i_X509(nullptr, &p, static_cast<long>(c.der.size())));
    if (!c.x || p != c.der.data() + c.der.size()) {
      b.problem += c.file + ": OpenSSL does not read it as one certificate; ";
      ERR_clear_error();
      continue;
    }
    c.f = facts_of(c.x.get(), c.der);
    b.certs.push_back(std::move(c));
  }
  return b;
}

inline const bundle& the_bundle() {
  static const bundle b = load_bundle();
  return b;
}

// -- the mutations --------------------------------------------------------------

/// One reported field changed to a wrong but well-formed value; nullopt:
/// no value can be wrong for this certificate (the check is unverifiable).
struct mutation {
  const char* field;
  check_id expected;
  std::function<std::optional<std::string>(const facts&)> value;
};
using opt = std::optional<std::string>;

// A text attribute with something appended, or a value where there is none.
inline std::string changed(const std::string& v, std::string_view otherwise) {
  return json_text(v.empty() ? std::string(otherwise) : v + " (mutated)");
}

// -- running ------------------------------------------------------------------

/// A finding, copied out of the checker (whose strings die at its next check).
struct seen {
  check_id check;
  finding_status status;
  std::string field, reported, actual, note;
};

inline std::string describe(const std::vector<seen>& findings) {
  std::string s;
  for (const auto& f : findings) {
    s += "\n    " + std::string(alicert::check_name(f.check)) + " [" + f.field + "] " +
         std::string(alicert::status_name(f.status));
    if (f.status != finding_status::match && f.status != finding_status::absent)
      s += ": reported=" + f.reported.substr(0, 200) + " actual=" + f.actual.substr(0, 200) + " note=" + f.note;
  }
  return s;
}

using inspector = std::function<void(const alicert::certificate_report&)>;

/// Parses `json` (it must be of API `kind`) and checks it; nullopt (with
/// `error` set) when it does not parse or does not report one certificate.
/// `inspect` sees the report while its strings are alive.
inline std::optional<std::vector<seen>> check_json(alicert::parser& p, alicert::checker& ch, const std::string& json,
                                            alicert::api kind, const alicert::check_options& options,
                                            std::string& error, const inspector& inspect = nullptr) {
  const alicert::padded_buffer input(json);
  auto doc = p.parse(input);
  if (!doc) {
    error = std::string(alicert::error_name(doc.error().code)) + " at " + std::string(doc.error().pointer) + ": " +
            std::string(doc.error().message);
    return std::nullopt;
  }
  if (doc->kind != kind) {
    error = "parsed as " + std::string(alicert::api_name(doc->kind));
    return std::nullopt;
  }
  const alicert::document_report& rep = ch.check(*doc, options);
  if (rep.certificates.size() != 1) {
    error = std::to_string(rep.certificates.size()) + " certificates in the report";
    return std::nullopt;
  }
  if (inspect) inspect(rep.certificates[0]);
  std::vector<seen> out;
  for (const auto& f : rep.certificates[0].findings)
    out.push_back({f.check, f.status, std::string(f.field), std::string(f.reported), std::string(f.actual),
                   std::string(f.note)});
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i - 1].check >= out[i].check) error = "findings not one per check in check_id order";
  if (!error.empty()) return std::nullopt;
  return out;
}

// What alicert says the certificate says agrees with OpenSSL.
inline void expect_facts(const certificate& c, const alicert::certificate_facts& a, bool digests) {
  const facts& f = c.f;
  ASSERT_TRUE(a.decoded) << c.file;
  EXPECT_EQ(a.serial, f.serial) << c.file;
  EXPECT_EQ(a.not_before, checktest::at(f.not_before)) << c.file;
  EXPECT_EQ(a.not_after, checktest::at(f.not_after)) << c.file;
  EXPECT_TRUE(a.not_before_known && a.not_after_known) << c.file;
  if (digests) {
    EXPECT_EQ(a.sha256, f.sha256) << c.file;
    EXPECT_EQ(a.md5, f.md5) << c.file;
  } else if (!a.sha256.empty()) {
    EXPECT_EQ(a.sha256, f.sha256) << c.file;  // computed for an API that reports it
  }
  EXPECT_EQ(a.subject, f.subject) << c.file;
  EXPECT_EQ(a.issuer, f.issuer) << c.file;
  EXPECT_EQ(a.key_algorithm, f.cas_algorithm == "ECC" ? "EC" : f.cas_algorithm) << c.file;
  EXPECT_EQ(a.key_size, f.key_bits) << c.file;
  EXPECT_EQ(a.signature_algorithm, OBJ_nid2ln(X509_get_signature_nid(c.x.get()))) << c.file;
  ASSERT_EQ(a.sans.size(), f.sans.size()) << c.file;
  for (std::size_t i = 0; i < f.sans.size(); ++i) EXPECT_EQ(a.sans[i].value, f.sans[i].value) << c.file;
}

/// A paired_certificate with its own strings.
struct owned_partner {
  std::string pem;
  alicert::api source;
  std::string key, id, identifier;
};

struct api_case {
  const char* name;  // for the summary
  alicert::api kind;
  std::function<object(const certificate&)> fields;
  std::function<std::string(const object&)> document;
  std::function<std::string(const certificate&)> get_document;  // KMS only: the paired GetCertificate
  std::vector<mutation> mutations;
  /// CAS SSL orders and SLB: the certificates of the input offered for pairing.
  std::function<std::vector<owned_partner>(const certificate&)> partners{};
};

struct tally {
  std::size_t documents{0}, mutations_run{0}, mutations_skipped{0};
  std::array<std::size_t, 6> statuses{};  // of the consistent documents' findings, by finding_status
  std::map<std::string, std::size_t> skipped;  // by field
  std::map<std::string, std::size_t> others;  // the findings that are not match, by status and check

  void count(const std::vector<seen>& findings) {
    ++documents;
    for (const auto& f : findings) {
      ++statuses[static_cast<std::size_t>(f.status)];
      if (f.status == finding_status::match) continue;
      std::string what = std::string(alicert::status_name(f.status)) + " " + std::string(alicert::check_name(f.check));
      if (f.status == finding_status::unverifiable) what += " (" + f.note + ")";
      ++others[what];
    }
  }
  [[nodiscard]] std::string summary(const char* name) const {
    std::ostringstream s;
    s << "ca-bundle " << name << ": " << documents << " documents, findings";
    for (std::size_t i = 0; i < statuses.size(); ++i)
      s << " " << alicert::status_name(static_cast<finding_status>(i)) << "=" << statuses[i];
    s << "; mutations run=" << mutations_run << " skipped=" << mutations_skipped;
    for (const auto& [field, n] : skipped) s << " (" << field << " " << n << ")";
    for (const auto& [what, n] : others) s << "\n  " << what << ": " << n;
    return s.str();
  }
};

// One mutated document: exactly one failure, `m.expected`, every other status as in `base`.
inline void expect_only(const mutation& m, const std::string& file, const std::vector<seen>& base,
                 const std::vector<seen>& got) {
  ASSERT_EQ(got.size(), base.size()) << file << " " << m.field << describe(got);
  std::vector<std::string> wrong;
  bool hit = false;
  for (std::size_t i = 0; i < got.size(); ++i) {
    const bool fails = alicert::is_failure(got[i].status);
    if (got[i].check == m.expected && fails) {
      hit = true;
    } else if (fails || got[i].status != base[i].status) {
      wrong.push_back(std::string(alicert::check_name(got[i].check)) + " is " +
                      std::string(alicert::status_name(got[i].status)) + " (in the consistent document " +
                      std::string(alicert::status_name(base[i].status)) + ")");
    }
  }
  EXPECT_TRUE(hit) << file << ": " << m.field << " changed, but " << alicert::check_name(m.expected)
                   << " is no failure" << describe(got);
  for (const auto& w : wrong) ADD_FAILURE() << file << ": " << m.field << " changed, and " << w << describe(got);
}

// The GetCertificate of a KMS pair: parsed, checked on its own (certificate,
// chain, csr_public_key), and returned for the describe to pair with.
inline const alicert::kms_get_view* check_get(alicert::parser& p, const alicert::padded_buffer& input, const certificate& c,
                                       tally& t) {
  auto g = p.parse(input, alicert::api::kms_get_certificate);
  if (!g) {
    ADD_FAILURE() << c.file << ": GetCertificate " << alicert::error_name(g.error().code) << " " << g.error().message;
    return nullptr;
  }
  alicert::checker ch;
  const auto& rep = ch.check(*g, {.now = now});
  if (rep.certificates.size() != 1) {
    ADD_FAILURE() << c.file << ": " << rep.certificates.size() << " certificates in the GetCertificate report";
    return nullptr;
  }
  std::vector<seen> findings;
  for (const auto& f : rep.certificates[0].findings)
    findings.push_back({f.check, f.status, std::string(f.field), std::string(f.reported), std::string(f.actual),
                        std::string(f.note)});
  for (const auto& f : findings) EXPECT_FALSE(alicert::is_failure(f.status)) << c.file << describe(findings);
  t.count(findings);
  return g->kms_get;
}

inline void run_api(const api_case& a) {
  const bundle& b = the_bundle();
  ASSERT_TRUE(b.problem.empty()) << b.problem;
  ASSERT_FALSE(b.certs.empty());
  alicert::parser p, get_parser;
  alicert::checker ch;
  tally t;
  for (const certificate& c : b.certs) {
    std::string error;
    // The GetCertificate, parsed once, stays alive through the describe's mutations.
    const std::string get_json = a.get_document ? a.get_document(c) : std::string();
    const alicert::padded_buffer get_input(get_json);
    const alicert::kms_get_view* get = nullptr;
    if (a.get_document) {
      get = check_get(get_parser, get_input, c, t);
      if (get == nullptr) continue;
    }
    const std::vector<owned_partner> owned = a.partners ? a.partners(c) : std::vector<owned_partner>{};
    std::vector<alicert::paired_certificate> partners;
    for (const auto& o : owned) partners.push_back({o.pem, o.source, o.key, o.id, o.identifier});
    const alicert::check_options options{.now = now, .paired_get = get, .certificates = partners};
    const object fields = a.fields(c);
    const auto base = check_json(p, ch, a.document(fields), a.kind, options, error, [&](const auto& r) {
      expect_facts(c, r.facts, a.kind == alicert::api::cas_describe_client_certificate);
    });
    ASSERT_TRUE(base) << c.file << ": " << error << "\n" << a.document(fields);
    t.count(*base);
    for (const auto& f : *base)
      EXPECT_FALSE(alicert::is_failure(f.status)) << c.file << ": the consistent document" << describe(*base);
    for (const mutation& m : a.mutations) {
      const auto value = m.value(c.f);
      if (!value) {
        ++t.mutations_skipped;
        ++t.skipped[m.field];
        continue;
      }
      object changed_fields = fields;
      changed_fields.set(m.field, *value);
      const auto got = check_json(p, ch, a.document(changed_fields), a.kind, options, error);
      ASSERT_TRUE(got) << c.file << " " << m.field << ": " << error;
      ++t.mutations_run;
      expect_only(m, c.file, *base, *got);
    }
  }
  const std::string summary = t.summary(a.name);
  std::printf("%s\n", summary.c_str());
  ::testing::Test::RecordProperty("summary", summary);
}

}  // namespace cabundle
