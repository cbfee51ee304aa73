// The differential corpus of Debian's ca-certificates (ca_bundle.h) for the
// sibling APIs (docs/siblings.md): the consistent document of every
// certificate has no failure, and each single-field mutation gives exactly
// its own finding.
#include "ca_bundle.h"
#include "json_docs_siblings.h"

namespace {

using namespace cabundle;
using namespace jsondocs;
using alicert::check_id;

constexpr std::int64_t day = 86400;

// What the CAS SSL service and SLB share: names, digests, validity.
std::vector<mutation> shared_mutations(bool slb) {
  std::vector<mutation> m = {
      {"Fingerprint", check_id::fingerprint,
       [slb](const facts& f) -> opt {
         const std::string other = text_digest(f.sha256, EVP_sha1(), slb ? ":" : "", !slb);
         return json_text(other);
       }},
      {"CommonName", check_id::common_name, [](const facts& f) -> opt { return changed(f.cn, "Mutated CA"); }},
  };
  if (slb) {
    m.push_back({"SubjectAlternativeNames", check_id::sans, [](const facts& f) -> opt {
                   auto names = untyped_sans(f);
                   names.emplace_back(extra_name);
                   return "{\"SubjectAlternativeName\": " + string_array(names) + "}";
                 }});
    m.push_back({"ExpireTime", check_id::not_after, [](const facts& f) -> opt { return iso(f.not_after + day); }});
    m.push_back({"ExpireTimeStamp", check_id::not_after,
                 [](const facts& f) -> opt { return millis(f.not_after + day); }});
  }
  return m;
}

// Names of the purchaser: unverifiable (no mutation can fail) where the subject has none.
std::vector<mutation> purchaser_mutations() {
  const auto subject_only = [](std::string facts::*member) {
    return [member](const facts& f) -> opt { return (f.*member).empty() ? std::nullopt : opt(changed(f.*member, "")); };
  };
  return {
      {"OrgName", check_id::organization, subject_only(&facts::o)},
      {"Province", check_id::state, subject_only(&facts::st)},
      {"City", check_id::locality, subject_only(&facts::l)},
      {"Country", check_id::country,
       [](const facts& f) -> opt { return f.c.empty() ? std::nullopt : opt(json_text(f.c == "ZZ" ? "ZY" : "ZZ")); }},
  };
}

std::vector<mutation> ssl_mutations(bool detail) {
  auto m = shared_mutations(false);
  m[1].field = detail ? "Common" : "CommonName";
  for (auto& p : purchaser_mutations()) m.push_back(p);
  m.push_back({"Sans", check_id::sans, [](const facts& f) -> opt {
                 auto names = untyped_sans(f);
                 names.emplace_back(extra_name);
                 return json_text(comma_joined(names));
               }});
  m.push_back({"Sha2", check_id::sha256,
               [](const facts& f) -> opt { return json_text(checktest::upper(text_digest(f.sha256, EVP_sha256()))); }});
  m.push_back({"SerialNo", check_id::serial, [](const facts& f) -> opt { return json_text(f.serial_next); }});
  m.push_back({"Issuer", check_id::issuer_name, [](const facts&) -> opt { return json_text("Mutated Trust Services"); }});
  m.push_back({"StartDate", check_id::not_before,
               [](const facts& f) -> opt { return json_text(utc_date(f.not_before - 2 * day)); }});
  m.push_back({"EndDate", check_id::not_after, [](const facts& f) -> opt { return json_text(utc_date(f.not_after + 2 * day)); }});
  m.push_back({"Expired", check_id::expired, [](const facts& f) -> opt {
                 return checktest::at(f.not_after) < now ? "false" : "true";
               }});
  m.push_back({"Algorithm", check_id::key_algorithm, [](const facts& f) -> opt {
                 const std::string a = ssl_algorithm(f);
                 return a.empty() ? std::nullopt : opt(json_text(a == "RSA" ? "ECC" : "RSA"));
               }});
  if (detail) {
    m.push_back({"NotBefore", check_id::not_before, [](const facts& f) -> opt { return millis(f.not_before - day); }});
    m.push_back({"NotAfter", check_id::not_after, [](const facts& f) -> opt { return millis(f.not_after + day); }});
  } else {
    m.push_back({"CertStartTime", check_id::not_before, [](const facts& f) -> opt { return millis(f.not_before - day); }});
    m.push_back({"CertEndTime", check_id::not_after, [](const facts& f) -> opt { return millis(f.not_after + day); }});
  }
  return m;
}

std::vector<mutation> gucd_mutations() {
  auto m = ssl_mutations(true);
  m.push_back({"CertChain", check_id::chain_info, [](const facts& f) -> opt {
                 return "[{\"CommonName\": " + json_text(f.cn) + ", \"IssuerCommonName\": " + json_text(f.issuer_cn) +
                        ", \"NotAfter\": " + millis(f.not_after + day) + "}]";
               }});
  return m;
}

std::vector<mutation> cdn_domain_mutations(bool dcdn) {
  std::vector<mutation> m = {
      {"DomainName", check_id::domain_list, [](const facts&) -> opt { return json_text(std::string(extra_name)); }},
      {"CertDomainName", check_id::cert_domain_name,
       [](const facts&) -> opt { return json_text(std::string(extra_name)); }},
      {"CertExpireTime", check_id::not_after, [](const facts& f) -> opt { return iso(f.not_after + day); }},
      {"CertOrg", check_id::issuer_name, [](const facts&) -> opt { return json_text("Mutated Trust Services"); }},
  };
  if (!dcdn)
    m.push_back({"CertStartTime", check_id::not_before, [](const facts& f) -> opt { return iso(f.not_before - day); }});
  return m;
}

// The GetUserCertificateDetail the entry pairs with, by its Id.
std::vector<owned_partner> detail_of(const certificate& c) {
  const std::string id = ssl_id(c);
  return {{c.pem, alicert::api::cas_get_user_certificate_detail, "Cert", id, id + "-cn-hangzhou"}};
}

TEST(CaBundle, CasGetUserCertificateDetail) {
  run_api({"cas.GetUserCertificateDetail", alicert::api::cas_get_user_certificate_detail, gucd_fields,
           [](const object& o) { return o.text(); }, nullptr, gucd_mutations()});
}

TEST(CaBundle, CasListUserCertificateOrderPairedById) {
  run_api({"cas.ListUserCertificateOrder", alicert::api::cas_list_user_certificate_order, luco_fields,
           luco_document, nullptr, ssl_mutations(false), detail_of});
}

TEST(CaBundle, CdnDescribeDomainCertificateInfo) {
  run_api({"cdn.DescribeDomainCertificateInfo", alicert::api::cdn_describe_domain_certificate_info,
           [](const certificate& c) { return cdn_domain_fields(c, false); }, cdn_domain_document, nullptr,
           cdn_domain_mutations(false)});
}

TEST(CaBundle, DcdnDescribeDcdnDomainCertificateInfo) {
  run_api({"dcdn.DescribeDcdnDomainCertificateInfo", alicert::api::dcdn_describe_domain_certificate_info,
           [](const certificate& c) { return cdn_domain_fields(c, true); }, cdn_domain_document, nullptr,
           cdn_domain_mutations(true)});
}

TEST(CaBundle, SlbDescribeServerCertificatesPairedByCasId) {
  run_api({"slb.DescribeServerCertificates", alicert::api::slb_describe_server_certificates, slb_fields,
           slb_document, nullptr, shared_mutations(true), detail_of});
}

}  // namespace
