// Every positive document of the corpus checks without a mismatch or an
// invalid finding (corpus/README.md, "Positive documents are consistent").
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "alicert/check.h"
#include "alicert/responses.h"

namespace {

namespace fs = std::filesystem;

struct parsed_doc {
  std::string file;
  std::size_t index{0};
  std::unique_ptr<alicert::parser> parser;
  alicert::padded_buffer input;
  alicert::document_view view;
};

// Every document of `path`, each with its own parser so that all stay alive.
std::vector<std::unique_ptr<parsed_doc>> read_documents(const fs::path& path, std::size_t& errors) {
  std::vector<std::unique_ptr<parsed_doc>> out;
  auto file = alicert::padded_buffer::read_file(path.c_str());
  if (!file) {
    ++errors;
    return out;
  }
  alicert::parser splitter;
  alicert::document_stream s(splitter, *file);
  while (s.next()) {
    if (!s.document()) {
      ++errors;
      continue;
    }
    auto d = std::make_unique<parsed_doc>();
    d->file = path.filename().string();
    d->index = s.index();
    d->parser = std::make_unique<alicert::parser>();
    d->input = alicert::padded_buffer(s.text());
    auto v = d->parser->parse(d->input);
    if (!v) {
      ++errors;
      continue;
    }
    d->view = *v;
    out.push_back(std::move(d));
  }
  return out;
}

struct totals {
  std::size_t documents{0}, certificates{0}, findings{0}, matches{0}, parse_errors{0};
  std::map<std::string, std::size_t> unverifiable;
};

void check_group(const std::vector<parsed_doc*>& docs, alicert::checker& ch, totals& t) {
  std::map<std::string, const alicert::kms_get_view*> gets;
  std::vector<alicert::paired_certificate> partners;  // for the entries without a certificate
  for (auto* d : docs) {
    if (d->view.kms_get) gets[std::string(d->view.kms_get->certificate_id.text)] = d->view.kms_get;
    ASSERT_TRUE(alicert::certificates_of(d->view, partners));
  }
  const auto now = alicert::utc_seconds{std::chrono::seconds{1767225600}};
  for (auto* d : docs) {
    alicert::check_options opt{.now = now, .certificates = partners};
    if (d->view.kms_describe) {
      auto it = gets.find(std::string(d->view.kms_describe->certificate_id.text));
      if (it != gets.end()) opt.paired_get = it->second;
    }
    auto* r = &ch.check(d->view, opt);
    ASSERT_TRUE(r);
    ++t.documents;
    for (const auto& c : r->certificates) {
      ++t.certificates;
      for (const auto& f : c.findings) {
        ++t.findings;
        t.matches += f.status == alicert::finding_status::match;
        if (f.status == alicert::finding_status::unverifiable)
          ++t.unverifiable[std::string(alicert::check_name(f.check)) + " " + std::string(f.note)];
        EXPECT_FALSE(alicert::is_failure(f.status))
            << d->file << "#" << d->index << " " << alicert::check_name(f.check) << " "
            << alicert::status_name(f.status) << " field=" << f.field << " reported=" << f.reported.substr(0, 120)
            << " actual=" << f.actual.substr(0, 120) << " note=" << f.note;
        EXPECT_NE(f.status, alicert::finding_status::masked) << d->file << " " << alicert::check_name(f.check);
      }
      // A certificate found (carried, or paired) is decoded. Where none is (a
      // KMS describe without its get, CAS SSL asked with CertFilter, an order
      // or SLB entry alone in its file, HTTPS off, a public key) the
      // `certificate` finding says so, and is no match.
      bool found = false;
      for (const auto& f : c.findings)
        found = found || (f.check == alicert::check_id::certificate && f.status == alicert::finding_status::match);
      EXPECT_EQ(c.facts.decoded, found) << d->file << "#" << d->index;
      if (d->view.kms_describe && opt.paired_get) EXPECT_TRUE(found) << d->file << "#" << d->index;
    }
  }
}

TEST(Corpus, PositiveDocumentsHaveNoMismatch) {
  const fs::path root = ALICERT_CORPUS_DIR;
  if (!fs::exists(root / "parse_cas")) GTEST_SKIP() << "no corpus";
  alicert::checker ch;
  totals t;
  for (const char* dir : {"parse_cas", "parse_kms", "parse_cdn", "parse_error", "check", "stream", "parse_gucd",
                          "parse_luco", "parse_cdn_domain", "parse_dcdn", "parse_slb"}) {
    if (!fs::exists(root / dir)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / dir))  // regress_*: fuzzer findings, not fixtures
      if (e.path().filename().string().rfind("regress_", 0) != 0 && e.path().filename().string().rfind("negative_", 0) != 0)
        files.push_back(e.path());  // negative_*: seeds failing on purpose
    std::sort(files.begin(), files.end());
    // parse_kms: <case>.describe.json and <case>.get.json form one group
    std::map<std::string, std::vector<std::unique_ptr<parsed_doc>>> groups;
    for (const auto& f : files) {
      std::string key = f.filename().string();
      if (std::string(dir) == "parse_kms") key = key.substr(0, key.find('.'));
      std::size_t errors = 0;
      auto docs = read_documents(f, errors);
      const std::string name = f.filename().string();
      const bool broken_on_purpose = name.find("malformed") != std::string::npos || name.find("truncated") != std::string::npos;
      if (!broken_on_purpose) EXPECT_EQ(errors, 0u) << f;
      t.parse_errors += errors;
      for (auto& d : docs) groups[key].push_back(std::move(d));
    }
    for (auto& [key, docs] : groups) {
      std::vector<parsed_doc*> ptrs;
      for (auto& d : docs) ptrs.push_back(d.get());
      check_group(ptrs, ch, t);
    }
  }
  EXPECT_GT(t.documents, 50u);
  EXPECT_GT(t.matches, 500u);
  std::string unverifiable;
  for (const auto& [k, n] : t.unverifiable) unverifiable += "\n  " + k + ": " + std::to_string(n);
  RecordProperty("documents", static_cast<int>(t.documents));
  std::printf("corpus: %zu documents, %zu certificates, %zu findings, %zu matches; unverifiable:%s\n", t.documents,
              t.certificates, t.findings, t.matches, unverifiable.c_str());
}

}  // namespace
