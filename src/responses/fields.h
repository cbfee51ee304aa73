// Internal: the one mechanism every reported field goes through.
//
// A view is described by a table of (JSON key, field kind, offset of the
// `reported<...>` member). The walker looks each key of an object up in the
// table and reads the value by its kind, accepting every shape the kind
// allows (numbers as strings, JSON held in strings, lists as single values)
// and recording a quirk for each deviation from the documented shape.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace alicert::internal {

enum class field_kind : std::uint8_t {
  text,           // reported_text: a string, or a number kept as its text
  integer,        // reported_int: a number, or a string holding one
  boolean,        // reported_bool: true/false, or "true"/"false"
  millis,         // reported_time: milliseconds since the epoch (CAS)
  iso_time,       // reported_time: ISO 8601 (KMS)
  go_time,        // reported_time: Go's time.Time layout (CDN)
  cas_sans,       // reported_names: CAS Sans
  kms_sans,       // reported_names: KMS SubjectAlternativeNames
  domain_list,    // reported_names: CDN DomainList
  cas_tags,       // reported_tags: CAS Tags
  kms_tags,       // reported_tags: KMS Tags
  raw_json,       // reported_text: any JSON value kept as its raw text
};

// Which view a root-level key belongs to. A document's kind is known only
// once its root object has been read, so wrong types are charged to a target
// and raised only if the document turns out to be of that kind.
enum class target : std::uint8_t { cas, kms_describe, kms_get, cdn, api_error, document, count };

struct field_spec {
  std::string_view key;
  field_kind kind;
  target owner;
  std::uint16_t offset;          // of the reported<...> member in the owner's view
  bool case_insensitive{false};  // error envelopes arrive as Code or code
};

}  // namespace alicert::internal
