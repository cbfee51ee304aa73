// The parser: recognizes a document's API from its root keys and yields the
// typed view; also the normalized records and the API names.
#include "alicert/responses/parser.h"

#include <cstring>

#include "alicert/limits.h"
#include "parser_state.h"
#include "scan.h"
#include "common/chars.h"
#include "common/memory.h"
#include "recognize.h"
#include "records.h"
#include "walker.h"

namespace alicert {

static_assert(padding == simdjson::SIMDJSON_PADDING, "alicert::padding must match simdjson's");

std::string_view api_name(api a) noexcept {
  switch (a) {
    case api::cas_describe_client_certificate: return "cas.DescribeClientCertificate";
    case api::kms_describe_certificate: return "kms.DescribeCertificate";
    case api::kms_get_certificate: return "kms.GetCertificate";
    case api::cdn_describe_certificate_info: return "cdn.DescribeCertificateInfoByID";
    case api::api_error: return "api_error";
    case api::cas_get_user_certificate_detail: return "cas.GetUserCertificateDetail";
    case api::cas_list_user_certificate_order: return "cas.ListUserCertificateOrder";
    case api::cdn_describe_domain_certificate_info: return "cdn.DescribeDomainCertificateInfo";
    case api::dcdn_describe_domain_certificate_info: return "dcdn.DescribeDcdnDomainCertificateInfo";
    case api::slb_describe_server_certificates: return "slb.DescribeServerCertificates";
  }
  return "unknown";
}

// Without the memory for its state, a parser is made all the same and each
// parse says out_of_memory. simdjson picks its kernel on first use, from a
// noexcept call that allocates: that first use happens here, guarded.
parser::parser() noexcept
    : state_(internal::guarded(
          [] {
            (void)simdjson::get_active_implementation()->name();  // detects the kernel
            return std::make_unique<internal::parser_state>();
          },
          [] { return std::unique_ptr<internal::parser_state>(); })) {}
parser::~parser() = default;
parser::parser(parser&&) noexcept = default;
parser& parser::operator=(parser&&) noexcept = default;

result<document_view> parser::parse(padded_view input) noexcept {
  if (!state_) return internal::out_of_memory_error();
  return parse_at(input.data(), 0, input.size(), input.size() + padding, nullptr);
}

result<document_view> parser::parse(padded_view input, api expected) noexcept {
  if (!state_) return internal::out_of_memory_error();
  return parse_at(input.data(), 0, input.size(), input.size() + padding, &expected);
}

namespace {

error make_error(error_code code, std::string_view message, std::size_t offset) noexcept {
  return error{code, message, {}, offset};
}

// simdjson's stage 1 reports some faults for the whole document: find the
// byte, and the value holding it, with a scalar scan (error path only).
error locate_stage1_error(error e, std::string_view doc, std::size_t doc_offset,
                          simdjson::error_code code) {
  std::size_t at = doc.size();
  switch (code) {
    case simdjson::UTF8_ERROR: at = internal::first_invalid_utf8(doc); break;
    case simdjson::UNESCAPED_CHARS: at = internal::first_unescaped_control(doc); break;
    case simdjson::UNCLOSED_STRING: at = internal::unclosed_string(doc); break;
    default: return e;
  }
  if (at == doc.size()) return e;
  e.offset = doc_offset + at;
  e.pointer = internal::pointer_at(doc, at);
  return e;
}

// A root that is not an object: malformed JSON if it is not one valid JSON
// value, else a document of no known shape.
bool valid_scalar_document(std::string_view text) {
  while (!text.empty() && internal::is_json_space(text.back())) text.remove_suffix(1);
  while (!text.empty() && internal::is_json_space(text.front())) text.remove_prefix(1);
  if (text == "true" || text == "false" || text == "null") return true;
  if (internal::is_json_number(text)) return true;
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
  // Stage 1 has checked UTF-8, control characters and quote pairing; the
  // escapes remain, and no unescaped quote may stand inside.
  std::string_view body = text.substr(1, text.size() - 2);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '"') return false;
    if (body[i] != '\\') continue;
    if (++i == body.size()) return false;
    const char esc = body[i];
    if (esc == 'u') {
      if (body.size() - i < 5) return false;
      for (std::size_t k = 1; k <= 4; ++k) {
        const char h = body[i + k];
        if (internal::hex_value(h) < 0) return false;
      }
      i += 4;
    } else if (std::string_view("\"\\/bfnrt").find(esc) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// A root that is not an object: malformed JSON if it is not one valid JSON
// value, else a document of no known shape.
error refuse_root(internal::walker& w, internal::od::document& doc, internal::od::json_type type,
                  std::string_view text, const char* base, std::size_t offset, std::size_t first) noexcept {
  if (type == internal::od::json_type::array) {
    internal::od::value v;
    if (auto e = doc.get_value().get(v)) {
      w.json_error(e, text.data() + first);
      return *w.fatal;
    }
    if (!w.skip(v, 0)) return *w.fatal;
    const char* trailing = nullptr;
    if (!doc.current_location().get(trailing))
      return make_error(error_code::malformed_json, "text after the end of the document",
                        static_cast<std::size_t>(trailing - base));
  } else if (!valid_scalar_document(text)) {
    return make_error(error_code::malformed_json, "not a JSON value", offset + first);
  }
  return make_error(error_code::unknown_shape, "a response document is a JSON object", offset + first);
}

template <class T>
void resolve(std::vector<T>& fixups, auto& entries) {
  for (auto& f : fixups) f.field->entries = {entries.data() + f.begin, f.count};
  fixups.clear();
}

}  // namespace

// A byte order mark is no part of JSON (RFC 8259 section 8.1 lets a parser
// ignore one): the document is what follows it.
result<document_view> parser::parse_at(const char* base, std::size_t offset, std::size_t size,
                                       std::size_t allocated, const api* expected) noexcept {
  const std::string_view text(base + offset, size);
  std::size_t lead = 0;
  while (lead < size && internal::is_json_space(text[lead])) ++lead;
  if (!internal::is_bom_at(text, lead)) return parse_padded(base, offset, size, allocated, expected);
  std::size_t json = lead + 3;
  while (json < size && internal::is_json_space(text[json])) ++json;
  if (json == size) return make_error(error_code::empty_input, "no JSON document in the input", offset);
  result<document_view> r = parse_padded(base, offset + json, size - json, allocated, expected);
  if (document_view* v = r.value_ptr()) v->quirks.add(quirk::utf8_bom);
  return r;
}

// simdjson promises that the bytes after a document do not matter, but on
// some malformed documents On-Demand's error position depends on them (it
// peeks at the byte past the last structural). In a stream those bytes are
// the next document. So a failure over non-zero padding is parsed again from
// a zero-padded copy, and the report no longer depends on what follows.
result<document_view> parser::parse_padded(const char* base, std::size_t offset, std::size_t size,
                                           std::size_t allocated, const api* expected) noexcept {
  result<document_view> first = parse_in_place(base, offset, size, allocated, expected);
  if (first || size > limits::max_document_bytes || first.error().code == error_code::empty_input)
    return first;
  const char* after = base + offset + size;
  bool zero = true;
  for (std::size_t i = 0; i < padding && zero; ++i) zero = after[i] == '\0';
  if (zero) return first;
  std::string& copy = state_->zero_padded;
  internal::secure_zero(copy.data(), copy.size());  // it may hold the last copy's private keys
  if (!internal::guarded(
          [&] {
            copy.assign(base + offset, size);
            copy.append(padding, '\0');
            return true;
          },
          [] { return false; }))
    return first;  // no memory for the copy: the first verdict stands
  result<document_view> again = parse_in_place(copy.data(), 0, size, copy.size(), expected);
  if (const error* e = again.error_ptr()) {
    error moved = *e;
    moved.offset += offset;
    internal::secure_zero(copy.data(), copy.size());
    return moved;
  }
  return again;  // the failure came from the bytes after the document (the views borrow `copy`)
}

result<document_view> parser::parse_in_place(const char* base, std::size_t offset, std::size_t size,
                                             std::size_t allocated, const api* expected) noexcept {
  internal::parser_state& st = *state_;
  const char* json = base + offset;
  if (size > limits::max_document_bytes)
    return make_error(error_code::document_too_large, "the document is larger than the limit", offset);
  std::size_t first = 0;
  while (first < size && (json[first] == ' ' || json[first] == '\n' || json[first] == '\r' ||
                          json[first] == '\t'))
    ++first;
  if (first == size) return make_error(error_code::empty_input, "no JSON document in the input", offset);

  if (st.json_capacity < size || st.json_capacity == 0) {
    std::size_t capacity = size < 4096 ? 4096 : size;
    // simdjson counts the root as depth 1 and enters a container before the
    // walker can refuse it: its own limit sits above the walker's, so that
    // depth_exceeded always comes from the walker (simdjson's development
    // checks assert when its limit is reached).
    if (st.json.allocate(capacity, limits::max_depth + 4))
      return make_error(error_code::out_of_memory, "no memory for simdjson's buffers", offset);
    st.json_capacity = capacity;
  }
  if (!internal::guarded(
          [&] {
            st.begin(size);
            return true;
          },
          [] { return false; }))
    return internal::out_of_memory_error();

  const std::string_view text(json, size);
  internal::od::document doc;
  internal::walker w(st, doc, base, json + size);
  auto err = st.json.iterate(json, size, allocated - offset).get(doc);
  if (err) {
    w.json_error(err, json + first);
    return locate_stage1_error(*w.fatal, text, offset, err);
  }
  internal::od::object root;
  internal::od::json_type type;
  if (auto e = doc.type().get(type)) {
    w.json_error(e, json + first);
    return locate_stage1_error(*w.fatal, text, offset, e);
  }
  if (type != internal::od::json_type::object) return refuse_root(w, doc, type, text, base, offset, first);
  if (auto e = doc.get_object().get(root)) {
    if (e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) {
      // The last token of the input does not close the root object: either
      // the object stops short, or something follows it.
      std::size_t end = internal::value_end(text, first);
      std::size_t rest = end;
      while (rest < size && internal::is_json_space(json[rest])) ++rest;
      if (end < size && rest < size)
        return make_error(error_code::malformed_json, "text after the end of the document", offset + rest);
      return make_error(error_code::malformed_json, "the document ends inside an object or array",
                        offset + size);
    }
    w.json_error(e, json + first);
    return *w.fatal;
  }
  // The one step that allocates (the lists grow): out of memory is its error.
  if (!internal::guarded([&] { return w.root(root); }, [&] {
        w.fatal = internal::out_of_memory_error();
        return false;
      }))
    return *w.fatal;
  // current_location() is out of bounds exactly when nothing follows the root.
  const char* trailing = nullptr;
  if (!doc.current_location().get(trailing))
    return make_error(error_code::malformed_json, "text after the end of the document",
                      static_cast<std::size_t>(trailing - base));

  resolve(st.names_fixups, st.names);
  resolve(st.tags_fixups, st.tags);

  quirk_set recognition_quirks;
  const std::optional<api> kind = internal::recognize(w, recognition_quirks);
  if (!kind)
    return make_error(error_code::unknown_shape,
                      "the document is none of the certificate APIs nor an error envelope", offset + first);
  if (expected && *expected != *kind)
    return make_error(error_code::unexpected_api, "the document is of another API than the one expected",
                      offset + first);
  const auto owner = static_cast<std::size_t>(*kind);
  if (auto& pending = w.pending[owner]) return *pending;

  document_view view = internal::view_of(st, w, *kind, {json, size}, offset);
  view.quirks.merge(recognition_quirks);
  return view;
}

std::span<const certificate_record> parser::records(const document_view& doc) noexcept {
  if (!state_) return {};
  auto& out = state_->records;
  out.clear();
  return internal::guarded(
      [&] {
        internal::build_records(doc, out);
        return std::span<const certificate_record>(out);
      },
      [&] {
        out.clear();
        return std::span<const certificate_record>{};
      });
}

}  // namespace alicert
