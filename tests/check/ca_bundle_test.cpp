// A differential corpus nobody here wrote: every certificate of Debian's
// ca-certificates package (scripts/deps.sh installs it), wrapped in each API
// as scripts/make_corpus.py wraps a certificate, every reported value
// computed by OpenSSL. Each document goes through the parser as JSON text.
//
// - The consistent document of every certificate has no mismatch and no
//   invalid finding (what alicert cannot derive is unverifiable, never a failure).
// - Changing one reported field to a wrong but well-formed value gives
//   exactly one failure, that field's check, and leaves every other
//   finding's status as it was.
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

namespace {

namespace fs = std::filesystem;
using namespace jsondocs;
using alicert::check_id;
using alicert::finding_status;

// Where Debian's ca-certificates puts Mozilla's bundle, one PEM file per certificate.
constexpr const char* bundle_dir = "/usr/share/ca-certificates/mozilla";
const alicert::utc_seconds now = checktest::at(1767225600);  // 2026-01-01
constexpr std::string_view extra_name = "mutated.alicert.invalid";

struct bundle {
  std::vector<certificate> certs;
  std::string problem;  // why the bundle cannot be used; empty when it can
};

std::vector<std::uint8_t> pem_to_der(const std::string& pem) {
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

bundle load_bundle() {
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

const bundle& the_bundle() {
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
std::string changed(const std::string& v, std::string_view otherwise) {
  return json_text(v.empty() ? std::string(otherwise) : v + " (mutated)");
}

std::vector<mutation> cas_mutations() {
  return {
      {"SerialNumber", check_id::serial, [](const facts& f) -> opt { return json_text(f.serial_next); }},
      {"BeforeDate", check_id::not_before, [](const facts& f) -> opt { return millis(f.not_before - 86400); }},
      {"AfterDate", check_id::not_after, [](const facts& f) -> opt { return millis(f.not_after + 86400); }},
      {"Days", check_id::validity_days, [](const facts& f) -> opt { return std::to_string(f.days_ceil + 1); }},
      {"Sha2", check_id::sha256, [](const facts& f) -> opt { return json_text(text_digest(f.sha256, EVP_sha256())); }},
      {"Md5", check_id::md5, [](const facts& f) -> opt { return json_text(text_digest(f.md5, EVP_md5())); }},
      {"SubjectDN", check_id::subject,
       [](const facts& f) -> opt {
         return f.subject_forward_mutated ? opt(json_text(*f.subject_forward_mutated)) : std::nullopt;
       }},
      {"CommonName", check_id::common_name, [](const facts& f) -> opt { return changed(f.cn, "Mutated CA"); }},
      {"Organization", check_id::organization, [](const facts& f) -> opt { return changed(f.o, "Mutated Org"); }},
      {"OrganizationUnit", check_id::organizational_unit,
       [](const facts& f) -> opt { return changed(f.ou, "Mutated Unit"); }},
      {"Locality", check_id::locality, [](const facts& f) -> opt { return changed(f.l, "Mutated City"); }},
      {"State", check_id::state, [](const facts& f) -> opt { return changed(f.st, "Mutated State"); }},
      {"CountryCode", check_id::country, [](const facts& f) -> opt { return json_text(f.c == "ZZ" ? "ZY" : "ZZ"); }},
      {"Sans", check_id::sans, [](const facts& f) -> opt { return cas_sans(f.sans, extra_name); }},
      {"Algorithm", check_id::key_algorithm,
       [](const facts& f) -> opt {
         if (f.cas_algorithm.empty()) return std::nullopt;
         return json_text(f.cas_algorithm == "RSA" ? "ECC" : "RSA");
       }},
      {"KeySize", check_id::key_size,
       [](const facts& f) -> opt {
         if (f.key_bits == 0) return std::nullopt;
         return std::to_string(f.key_bits != 2048 ? 2048 : 4096);
       }},
      {"SignAlgorithm", check_id::signature_algorithm,
       [](const facts& f) -> opt { return f.cas_sign.empty() ? std::nullopt : opt(json_text(f.cas_sign_other)); }},
  };
}

std::string other_public_key() {
  static const std::string pem = [] {
    BIO* b = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(b, checktest::key(checktest::key_kind::p256));
    return checktest::bio_text(b);
  }();
  return pem;
}

std::vector<mutation> kms_mutations() {
  return {
      {"Serial", check_id::serial, [](const facts& f) -> opt { return json_text(f.serial_next); }},
      {"NotBefore", check_id::not_before, [](const facts& f) -> opt { return iso(f.not_before - 86400); }},
      {"NotAfter", check_id::not_after, [](const facts& f) -> opt { return iso(f.not_after + 86400); }},
      {"Subject", check_id::subject,
       [](const facts& f) -> opt { return f.subject_mutated ? opt(json_text(*f.subject_mutated)) : std::nullopt; }},
      {"Issuer", check_id::issuer,
       [](const facts& f) -> opt { return f.issuer_mutated ? opt(json_text(*f.issuer_mutated)) : std::nullopt; }},
      {"SubjectAlternativeNames", check_id::sans, [](const facts& f) -> opt { return kms_sans(f.sans, extra_name); }},
      {"KeySpec", check_id::key_spec,
       [](const facts& f) -> opt {
         if (f.kms_key_spec.empty()) return std::nullopt;
         return json_text(f.kms_key_spec.rfind("RSA", 0) == 0 ? "EC_P256" : "RSA_2048");
       }},
      {"SignatureAlgorithm", check_id::signature_algorithm,
       [](const facts& f) -> opt { return f.kms_sign.empty() ? std::nullopt : opt(json_text(f.kms_sign_other)); }},
      // Without the extension any identifier may come from another method: unverifiable.
      {"SubjectKeyIdentifier", check_id::subject_key_identifier,
       [](const facts& f) -> opt {
         return f.ski_extension ? opt(json_text(text_digest(f.ski, EVP_sha1(), " ", true))) : std::nullopt;
       }},
      {"SubjectPublicKey", check_id::public_key, [](const facts&) -> opt { return json_text(other_public_key()); }},
  };
}

std::vector<mutation> cdn_mutations() {
  return {
      {"CreateTime", check_id::not_before, [](const facts& f) -> opt { return go(f.not_before - 86400); }},
      {"CertExpireTime", check_id::not_after, [](const facts& f) -> opt { return go(f.not_after + 86400); }},
      {"DomainList", check_id::domain_list,
       [](const facts& f) -> opt {
         auto d = cdn_domains(f);
         d.emplace_back(extra_name);
         return string_array(d);
       }},
  };
}

// -- running ------------------------------------------------------------------

/// A finding, copied out of the checker (whose strings die at its next check).
struct seen {
  check_id check;
  finding_status status;
  std::string field, reported, actual, note;
};

std::string describe(const std::vector<seen>& findings) {
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
std::optional<std::vector<seen>> check_json(alicert::parser& p, alicert::checker& ch, const std::string& json,
                                            alicert::api kind, const alicert::kms_get_view* get, std::string& error,
                                            const inspector& inspect = nullptr) {
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
  const alicert::document_report& rep = ch.check(*doc, {.now = now, .paired_get = get});
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
void expect_facts(const certificate& c, const alicert::certificate_facts& a, bool digests) {
  const facts& f = c.f;
  ASSERT_TRUE(a.decoded) << c.file;
  EXPECT_EQ(a.serial, f.serial) << c.file;
  EXPECT_EQ(a.not_before, checktest::at(f.not_before)) << c.file;
  EXPECT_EQ(a.not_after, checktest::at(f.not_after)) << c.file;
  EXPECT_TRUE(a.not_before_known && a.not_after_known) << c.file;
  if (digests) {
    EXPECT_EQ(a.sha256, f.sha256) << c.file;
    EXPECT_EQ(a.md5, f.md5) << c.file;
  }
  EXPECT_EQ(a.subject, f.subject) << c.file;
  EXPECT_EQ(a.issuer, f.issuer) << c.file;
  EXPECT_EQ(a.key_algorithm, f.cas_algorithm == "ECC" ? "EC" : f.cas_algorithm) << c.file;
  EXPECT_EQ(a.key_size, f.key_bits) << c.file;
  EXPECT_EQ(a.signature_algorithm, OBJ_nid2ln(X509_get_signature_nid(c.x.get()))) << c.file;
  ASSERT_EQ(a.sans.size(), f.sans.size()) << c.file;
  for (std::size_t i = 0; i < f.sans.size(); ++i) EXPECT_EQ(a.sans[i].value, f.sans[i].value) << c.file;
}

struct api_case {
  const char* name;  // for the summary
  alicert::api kind;
  std::function<object(const certificate&)> fields;
  std::function<std::string(const object&)> document;
  std::function<std::string(const certificate&)> get_document;  // KMS only: the paired GetCertificate
  std::vector<mutation> mutations;
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
void expect_only(const mutation& m, const std::string& file, const std::vector<seen>& base,
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
const alicert::kms_get_view* check_get(alicert::parser& p, const alicert::padded_buffer& input, const certificate& c,
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

void run_api(const api_case& a) {
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
    const object fields = a.fields(c);
    const auto base = check_json(p, ch, a.document(fields), a.kind, get, error, [&](const auto& r) {
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
      const auto got = check_json(p, ch, a.document(changed_fields), a.kind, get, error);
      ASSERT_TRUE(got) << c.file << " " << m.field << ": " << error;
      ++t.mutations_run;
      expect_only(m, c.file, *base, *got);
    }
  }
  const std::string summary = t.summary(a.name);
  std::printf("%s\n", summary.c_str());
  ::testing::Test::RecordProperty("summary", summary);
}

TEST(CaBundle, BundleIsInstalled) {
  const bundle& b = the_bundle();
  ASSERT_TRUE(b.problem.empty()) << b.problem;
  // Mozilla's bundle holds well over a hundred roots; a handful means a broken install.
  EXPECT_GT(b.certs.size(), 100u) << "only " << b.certs.size() << " certificates under " << bundle_dir;
}

TEST(CaBundle, CasDescribeClientCertificate) {
  run_api({"cas.DescribeClientCertificate", alicert::api::cas_describe_client_certificate, cas_fields,
           cas_document, nullptr, cas_mutations()});
}

TEST(CaBundle, KmsDescribeCertificateWithItsGetCertificate) {
  run_api({"kms.DescribeCertificate + kms.GetCertificate", alicert::api::kms_describe_certificate, kms_fields,
           [](const object& o) { return o.text(); }, kms_get_document, kms_mutations()});
}

TEST(CaBundle, CdnDescribeCertificateInfoByID) {
  run_api({"cdn.DescribeCertificateInfoByID", alicert::api::cdn_describe_certificate_info, cdn_fields,
           cdn_document, nullptr, cdn_mutations()});
}

}  // namespace
