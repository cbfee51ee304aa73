// Internal: what a parser owns and reuses from one document to the next.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <simdjson.h>

#include "alicert/responses/document.h"
#include "alicert/responses/record.h"
#include "inner_text.h"

namespace alicert::internal {

// A list field whose entries are resolved into a span once the parse is over
// (the entry vectors may grow during the parse; the view structs do not move).
struct names_fixup {
  reported_names* field;
  std::size_t begin;
  std::size_t count;
};
struct tags_fixup {
  reported_tags* field;
  std::size_t begin;
  std::size_t count;
};

struct parser_state {
  simdjson::ondemand::parser json;
  std::size_t json_capacity{0};

  string_arena arena;
  std::vector<san_entry> names;
  std::vector<tag> tags;
  std::vector<names_fixup> names_fixups;
  std::vector<tags_fixup> tags_fixups;

  cas_response_view cas;
  kms_describe_view kms_describe;
  kms_get_view kms_get;
  cdn_response_view cdn;
  std::vector<cdn_cert_info_view> cdn_items;
  api_error_view api_error;
  cas_certificate_detail_view cas_detail;
  std::vector<cas_chain_entry_view> chain_entries;
  cas_certificate_order_list_view cas_orders;
  std::vector<cas_certificate_order_view> order_items;
  cdn_domain_response_view cdn_domain;
  std::vector<cdn_domain_cert_info_view> cdn_domain_items;   // read as CDN's
  std::vector<cdn_domain_cert_info_view> dcdn_domain_items;  // the same entries read as DCDN's
  slb_response_view slb;
  std::vector<slb_server_certificate_view> slb_items;

  /// Private keys whose JSON strings had escapes, unescaped here rather than
  /// in simdjson's buffer, and wiped before the next document and at the end.
  string_arena secrets;

  std::vector<certificate_record> records;

  /// Forgets the last document's views, keeping the memory, before a
  /// document of `size` bytes is read.
  void begin(std::size_t size) {
    arena.reset(size);
    names.clear();
    tags.clear();
    names_fixups.clear();
    tags_fixups.clear();
    cas = {};
    kms_describe = {};
    kms_get = {};
    cdn = {};
    cdn_items.clear();
    api_error = {};
    cas_detail = {};
    chain_entries.clear();
    cas_orders = {};
    order_items.clear();
    cdn_domain = {};
    cdn_domain_items.clear();
    dcdn_domain_items.clear();
    slb = {};
    slb_items.clear();
    secrets.wipe();
    secrets.reset(size);
  }
  std::string zero_padded;  // a failed document again, over zero padding (wiped after use)

  parser_state() = default;
  parser_state(const parser_state&) = delete;
  parser_state& operator=(const parser_state&) = delete;
  ~parser_state() {
    secrets.wipe();
    secure_zero(zero_padded.data(), zero_padded.size());
  }
};

}  // namespace alicert::internal
