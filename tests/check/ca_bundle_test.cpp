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
#include "ca_bundle.h"

namespace {

using namespace cabundle;
using namespace jsondocs;
using alicert::check_id;
using alicert::finding_status;

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
