// The walk over one response document: every key is looked up in its view's
// table and read by its field kind (fields.h). Unknown keys are skipped, but
// their values are still validated, so malformed JSON anywhere is an error.
#include "walker.h"

#include <charconv>
#include <cstring>
#include <functional>

#include "alicert/limits.h"
#include "alicert/time.h"
#include "common/ascii.h"
#include "common/time_parse.h"
#include "scan.h"
#include "tables.h"

namespace alicert::internal {
namespace {

bool is_space(char c) noexcept { return is_json_space(c); }

bool key_matches(std::string_view key, const field_spec& spec, bool& other_case) noexcept {
  if (key == spec.key) return true;
  if (!spec.case_insensitive || !ascii_iequals(key, spec.key)) return false;
  other_case = true;
  return true;
}

// A decimal integer, strictly: optional '-', digits, nothing else.
enum class int_parse { ok, not_a_number, out_of_range };
int_parse parse_int64(std::string_view s, std::int64_t& out) noexcept {
  if (s.empty() || (s.size() > 1 && s[0] == '+')) return int_parse::not_a_number;
  std::size_t digits_from = s[0] == '-' ? 1 : 0;
  if (digits_from == s.size()) return int_parse::not_a_number;
  for (std::size_t i = digits_from; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return int_parse::not_a_number;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec == std::errc::result_out_of_range) return int_parse::out_of_range;
  if (ec != std::errc() || end != s.data() + s.size()) return int_parse::not_a_number;
  return int_parse::ok;
}

std::string_view trim_token(std::string_view tok) noexcept {
  while (!tok.empty() && is_space(tok.back())) tok.remove_suffix(1);
  return tok;
}

template <class T>
T& slot(void* base, const field_spec& spec) noexcept {
  return *reinterpret_cast<T*>(static_cast<char*>(base) + spec.offset);
}

// A hash index over a field table: a key is found with one comparison
// instead of a scan of the table. Keys it cannot place (bucket overflow),
// keys in another case (the error envelope's `code`) and unknown keys fall
// back to the scan, so the row found is always the scan's.
class key_index {
 public:
  constexpr explicit key_index(std::span<const field_spec> table) noexcept : table_(table) {
    for (std::size_t i = 0; i < table.size() && i < 255; ++i) {
      for (auto& slot : buckets_[hash(table[i].key)]) {
        if (slot == 0) {
          slot = static_cast<std::uint8_t>(i + 1);
          break;
        }
      }
    }
  }
  [[nodiscard]] std::size_t find(std::string_view key, bool& other_case) const noexcept {
    for (std::uint8_t slot : buckets_[hash(key)]) {
      if (slot == 0) break;
      if (table_[slot - 1u].key == key) return slot - 1u;
    }
    for (std::size_t i = 0; i < table_.size(); ++i)
      if (key_matches(key, table_[i], other_case)) return i;
    return table_.size();
  }

 private:
  static constexpr std::size_t hash(std::string_view k) noexcept {
    if (k.empty()) return 0;
    return (k.size() * 31u + static_cast<unsigned char>(k.front()) * 7u + static_cast<unsigned char>(k.back())) & 63u;
  }
  std::span<const field_spec> table_;
  std::array<std::array<std::uint8_t, 4>, 64> buckets_{};
};

// The row of `key` in `table`, or table.size().
std::size_t find_row(std::span<const field_spec> table, std::string_view key, bool& other_case) noexcept {
  // Built at compile time: no run-time initialisation, no shared state.
  static constexpr key_index root(root_fields), cas(cas_certificate_fields), cdn(cdn_cert_info_fields);
  if (table.data() == root_fields.data()) return root.find(key, other_case);
  if (table.data() == cas_certificate_fields.data()) return cas.find(key, other_case);
  if (table.data() == cdn_cert_info_fields.data()) return cdn.find(key, other_case);
  for (std::size_t i = 0; i < table.size(); ++i)
    if (key_matches(key, table[i], other_case)) return i;
  return table.size();
}

}  // namespace

// A key without escapes (every key the APIs send) is read in place;
// unescaped_key() would copy each one into simdjson's string buffer.
simdjson::error_code walker::key_of(od::field& field, std::string_view& out) const noexcept {
  const char* p = field.key().raw();
  if (const void* q = std::memchr(p, '"', static_cast<std::size_t>(end_ - p))) {
    const auto n = static_cast<std::size_t>(static_cast<const char*>(q) - p);
    if (std::memchr(p, '\\', n) == nullptr) {
      out = {p, n};
      return simdjson::SUCCESS;
    }
  }
  return field.unescaped_key().get(out);
}

bool walker::json_error(simdjson::error_code code, const char* at) noexcept {
  // Errors met while stepping between values (a missing comma, a bad key)
  // have no value to point at: the iterator's position is where it stopped.
  if (!at && doc_.current_location().get(at)) at = nullptr;
  switch (code) {
    case simdjson::UTF8_ERROR: return fail(error_code::invalid_utf8, "the input is not valid UTF-8", at);
    case simdjson::DEPTH_ERROR: return fail(error_code::depth_exceeded, "JSON nests too deep", at);
    case simdjson::EMPTY: return fail(error_code::empty_input, "no JSON document in the input", at);
    case simdjson::CAPACITY:
      return fail(error_code::document_too_large, "the document is too large", at);
    case simdjson::NUMBER_OUT_OF_RANGE:
      return fail(error_code::number_out_of_range, "a number out of range", at);
    default: break;
  }
  if (!fatal) {
    fatal = error{error_code::malformed_json, std::string("malformed JSON: ") + simdjson::error_message(code),
                  pointer(), at ? offset(at) : 0};
  }
  return false;
}

bool walker::fail(error_code code, const char* message, const char* at) noexcept {
  if (!fatal) fatal = error{code, message, pointer(), at ? offset(at) : 0};
  return false;
}

void walker::defer(target owner, error_code code, const char* message, const char* at) noexcept {
  auto set = [&](target t) {
    auto& slot = pending[static_cast<std::size_t>(t)];
    if (!slot) slot = error{code, message, pointer(), offset(at)};
  };
  if (owner == target::document) {
    for (std::size_t t = 0; t < static_cast<std::size_t>(target::document); ++t) set(static_cast<target>(t));
  } else {
    set(owner);
  }
}

// A value of a type the field does not accept: the error is charged to the
// field's view, and the value is still validated (malformed JSON inside it is
// a malformed document whatever the API turns out to be).
bool walker::wrong_type(od::value& v, target owner, const char* message, const char* at) noexcept {
  defer(owner, error_code::wrong_type, message, at);
  return skip(v, depth_);
}

std::string walker::pointer() const {
  std::string out;
  for (std::size_t i = 0; i < depth_ && i < path_.size(); ++i) {
    out += '/';
    if (path_[i].key.data() == nullptr) {
      out += std::to_string(path_[i].index);
      continue;
    }
    for (char c : path_[i].key) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
  }
  return out;
}

void walker::push(std::string_view key, std::size_t index) noexcept {
  if (depth_ < path_.size()) path_[depth_] = segment{key, index};
  ++depth_;
}

// A JSON string: a view of the input when it has no escapes, else of the
// parser's string buffer (simdjson unescapes into it).
bool walker::string_of(od::value& v, std::string_view& out) noexcept {
  std::string_view tok = trim_token(v.raw_json_token());
  if (tok.size() < 2 || tok.front() != '"' || tok.back() != '"')
    return fail(error_code::malformed_json, "malformed JSON string", tok.data());
  std::string_view content = tok.substr(1, tok.size() - 2);
  if (content.size() > limits::max_string_bytes)
    return fail(error_code::string_too_long, "a string is longer than the limit", tok.data());
  bool needs_copy = std::memchr(content.data(), '\\', content.size()) != nullptr;
  if (!needs_copy) {
    // Raw control characters (RFC 8259 section 7) need no check here: every
    // simdjson stage 1 kernel refuses them (UNESCAPED_CHARS) before the walk.
    out = content;
    return true;
  }
  auto e = v.get_string().get(out);
  if (e) return json_error(e, tok.data());
  return true;
}

// The raw text of an array or object, validated on the way (the value is
// consumed). Views of the input: nothing is copied.
bool walker::raw_json_of(od::value& v, std::string_view& out) noexcept {
  const char* start = v.raw_json_token().data();
  if (!skip(v, depth_)) return false;
  const char* end = nullptr;
  if (doc_.current_location().get(end)) end = nullptr;
  if (!end) return fail(error_code::malformed_json, "a value runs to the end of the input", start);
  // current_location() is the token after the value; the value ends at the
  // last non-space byte before it, which must close what `start` opened.
  while (end > start && is_space(end[-1])) --end;
  const char close = *start == '[' ? ']' : '}';
  if (end == start || end[-1] != close)
    return fail(error_code::malformed_json, "could not delimit a JSON value", start);
  out = {start, static_cast<std::size_t>(end - start)};
  return true;
}

// Validates and consumes any value.
bool walker::skip(od::value& v, std::size_t depth) noexcept {
  const char* at = v.raw_json_token().data();
  if (depth > limits::max_depth) return fail(error_code::depth_exceeded, "JSON nests too deep", at);
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  switch (t) {
    case od::json_type::array: {
      od::array arr;
      if (auto e = v.get_array().get(arr)) return json_error(e, at);
      for (auto item : arr) {
        od::value iv;
        if (auto e = item.get(iv)) return json_error(e, nullptr);
        if (!skip(iv, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::object: {
      od::object obj;
      if (auto e = v.get_object().get(obj)) return json_error(e, at);
      for (auto f : obj) {
        od::field field;
        if (auto e = std::move(f).get(field)) return json_error(e, nullptr);
        std::string_view key;
        if (auto e = key_of(field, key)) return json_error(e, nullptr);
        if (!skip(field.value(), depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view s;
      return string_of(v, s);
    }
    case od::json_type::number:
      // Any valid JSON number, whatever its magnitude (simdjson's number
      // parser refuses integers past 64 bits and 1e400, which are valid JSON).
      if (!is_json_number(trim_token(v.raw_json_token())))
        return fail(error_code::malformed_json, "malformed JSON number", at);
      return true;
    case od::json_type::boolean: {
      bool b;
      if (auto e = v.get_bool().get(b)) return json_error(e, at);
      return true;
    }
    case od::json_type::null: {
      bool is_null = false;
      if (auto e = v.is_null().get(is_null)) return json_error(e, at);
      if (!is_null) return fail(error_code::malformed_json, "malformed literal", at);
      return true;
    }
  }
  return fail(error_code::malformed_json, "malformed JSON value", at);
}

bool walker::read_text(od::value& v, const field_spec& spec, reported_text& r) noexcept {
  const char* at = v.raw_json_token().data();
  r.offset = offset(at);
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  switch (t) {
    case od::json_type::string:
      if (!string_of(v, r.text)) return false;
      break;
    case od::json_type::number: {
      if (!skip(v, depth_)) return false;
      r.text = trim_token(std::string_view(at, v.raw_json_token().size()));
      quirks.add(quirk::string_as_number);
      break;
    }
    case od::json_type::null:
      return skip(v, depth_);
    default:
      return wrong_type(v, spec.owner, "expected a string", at);
  }
  if (r.text.empty()) return true;
  r.value = r.text;
  r.state = field_state::present;
  return true;
}

bool walker::read_integer(od::value& v, const field_spec& spec, reported_int& r) noexcept {
  const char* at = v.raw_json_token().data();
  r.offset = offset(at);
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  std::string_view digits;
  switch (t) {
    case od::json_type::number:
      digits = trim_token(v.raw_json_token());
      if (!skip(v, depth_)) return false;
      break;
    case od::json_type::string:
      if (!string_of(v, digits)) return false;
      if (digits.empty()) {
        quirks.add(quirk::empty_string_as_absent);
        return true;
      }
      quirks.add(quirk::number_as_string);
      break;
    case od::json_type::null:
      return skip(v, depth_);
    default:
      return wrong_type(v, spec.owner, "expected an integer", at);
  }
  r.text = digits;
  switch (parse_int64(digits, r.value)) {
    case int_parse::ok: r.state = field_state::present; break;
    case int_parse::out_of_range:
      return fail(error_code::number_out_of_range, "an integer that does not fit 64 bits", at);
    case int_parse::not_a_number: r.state = field_state::unreadable; break;
  }
  return true;
}

bool walker::read_boolean(od::value& v, const field_spec& spec, reported_bool& r) noexcept {
  const char* at = v.raw_json_token().data();
  r.offset = offset(at);
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  switch (t) {
    case od::json_type::boolean:
      if (auto e = v.get_bool().get(r.value)) return json_error(e, at);
      r.text = trim_token(v.raw_json_token());
      r.state = field_state::present;
      return true;
    case od::json_type::string: {
      if (!string_of(v, r.text)) return false;
      if (r.text.empty()) {
        quirks.add(quirk::empty_string_as_absent);
        return true;
      }
      quirks.add(quirk::bool_as_string);
      if (r.text == "true" || r.text == "True" || r.text == "TRUE") {
        r.value = true;
        r.state = field_state::present;
      } else if (r.text == "false" || r.text == "False" || r.text == "FALSE") {
        r.value = false;
        r.state = field_state::present;
      } else {
        r.state = field_state::unreadable;
      }
      return true;
    }
    case od::json_type::null:
      return skip(v, depth_);
    default:
      return wrong_type(v, spec.owner, "expected a boolean", at);
  }
}

bool walker::read_time(od::value& v, const field_spec& spec, reported_time& r) noexcept {
  if (spec.kind == field_kind::millis) {
    reported_int ms;
    if (!read_integer(v, spec, ms)) return false;
    r.state = ms.state;
    r.text = ms.text;
    r.offset = ms.offset;
    if (ms.present()) r.value = from_epoch_millis(ms.value);
    return true;
  }
  const char* at = v.raw_json_token().data();
  r.offset = offset(at);
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  switch (t) {
    case od::json_type::string:
      if (!string_of(v, r.text)) return false;
      break;
    case od::json_type::number:
      // Not a documented shape; kept as unreadable text rather than guessing the unit.
      r.text = trim_token(v.raw_json_token());
      r.state = field_state::unreadable;
      return skip(v, depth_);
    case od::json_type::null:
      return skip(v, depth_);
    default:
      return wrong_type(v, spec.owner, "expected a date-time string", at);
  }
  if (r.text.empty()) return true;
  const char* unreadable = spec.kind == field_kind::iso_time
                               ? parse_iso8601_into(r.text, &quirks, r.value)
                               : parse_go_time_into(r.text, &quirks, r.value);
  r.state = unreadable ? field_state::unreadable : field_state::present;
  return true;
}

// Limits are document errors; anything else in inner JSON only makes the
// field unreadable (its text is kept and checked as `invalid`).
bool walker::inner_failed(const inner_result& e, std::string_view text, const char* at) noexcept {
  if (e.code == error_code::invalid_inner_json) return true;
  // The inner offset is exact when the text is a view of the input (a raw
  // array, or a string without escapes); for unescaped text, the value's start.
  const std::less_equal<const char*> le;
  const bool in_input = le(base_, text.data()) && le(text.data() + text.size(), end_);
  if (!fatal) fatal = error{e.code, e.message, pointer(), in_input ? offset(text.data()) + e.offset : offset(at)};
  return false;
}

bool walker::read_names(od::value& v, const field_spec& spec, reported_names& r, bool wrapped) noexcept {
  const char* at = v.raw_json_token().data();
  if (!wrapped) r.offset = offset(at);
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  std::string_view text;
  bool from_string = false;
  switch (t) {
    case od::json_type::null:
      return skip(v, depth_);
    case od::json_type::string:
      if (!string_of(v, text)) return false;
      from_string = true;
      break;
    case od::json_type::array:
      if (!raw_json_of(v, text)) return false;
      break;
    case od::json_type::object: {
      if (spec.kind != field_kind::kms_sans || wrapped) {
        return wrong_type(v, spec.owner, "expected a list", at);
      }
      // {"SubjectAlternativeName": [...]}: the wrapper XML-to-JSON leaves behind.
      quirks.add(quirk::sans_wrapper_object);
      od::object obj;
      if (auto e = v.get_object().get(obj)) return json_error(e, at);
      bool seen_wrapped = false;
      for (auto f : obj) {
        od::field field;
        if (auto e = std::move(f).get(field)) return json_error(e, nullptr);
        std::string_view key;
        if (auto e = key_of(field, key)) return json_error(e, nullptr);
        push(key);
        bool ok = true;
        if (key != "SubjectAlternativeName") {
          ok = skip(field.value(), depth_);
        } else if (seen_wrapped) {
          quirks.add(quirk::duplicate_key);
          ok = skip(field.value(), depth_);
        } else {
          seen_wrapped = true;
          ok = read_names(field.value(), spec, r, true);
        }
        pop();
        if (!ok) return false;
      }
      if (r.state == field_state::absent) r.state = field_state::present;  // an empty wrapper: no names
      return true;
    }
    default:
      return wrong_type(v, spec.owner, "expected a list", at);
  }
  std::string_view trimmed = text;
  while (!trimmed.empty() && is_space(trimmed.front())) trimmed.remove_prefix(1);
  if (trimmed.empty()) return true;  // "" is absent
  if (from_string) r.text = text;
  const std::size_t begin = st_.names.size();
  inner_result n;
  switch (spec.kind) {
    case field_kind::cas_sans:
      if (!from_string) quirks.add(quirk::sans_as_array);
      n = internal::read_cas_sans(text, st_.arena, st_.names, quirks);
      break;
    case field_kind::kms_sans:
      if (from_string) quirks.add(quirk::sans_as_string);
      n = internal::read_name_list(text, name_list_kind::kms_subject_alternative_names, st_.arena,
                                   st_.names, quirks);
      break;
    default:
      if (!from_string) quirks.add(quirk::domain_list_as_array);
      n = internal::read_name_list(text, name_list_kind::cdn_domain_list, st_.arena, st_.names, quirks);
      break;
  }
  if (!n) {
    st_.names.resize(begin);
    if (!inner_failed(n, text, at)) return false;
    r.text = text;
    r.state = field_state::unreadable;
    return true;
  }
  r.state = field_state::present;
  st_.names_fixups.push_back(names_fixup{&r, begin, n.count});
  return true;
}

bool walker::read_tags(od::value& v, const field_spec& spec, reported_tags& r) noexcept {
  const char* at = v.raw_json_token().data();
  r.offset = offset(at);
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  std::string_view text;
  switch (t) {
    case od::json_type::null:
      return skip(v, depth_);
    case od::json_type::string:
      if (!string_of(v, text)) return false;
      if (text.empty()) return true;
      quirks.add(quirk::tags_as_string);
      r.text = text;
      break;
    case od::json_type::object:
      if (spec.kind == field_kind::cas_tags) quirks.add(quirk::tags_as_object);
      [[fallthrough]];
    case od::json_type::array:
      if (!raw_json_of(v, text)) return false;
      break;
    default:
      return wrong_type(v, spec.owner, "expected tags", at);
  }
  const std::size_t begin = st_.tags.size();
  auto n = internal::read_tags(text, st_.arena, st_.tags, quirks);
  if (!n) {
    st_.tags.resize(begin);
    if (!inner_failed(n, text, at)) return false;
    // Never an error: the documented KMS sample is not JSON even unescaped.
    quirks.add(quirk::tags_unparseable);
    r.text = text;
    r.state = field_state::unreadable;
    return true;
  }
  r.state = field_state::present;
  st_.tags_fixups.push_back(tags_fixup{&r, begin, n.count});
  return true;
}

bool walker::read_raw(od::value& v, const field_spec& spec, reported_text& r) noexcept {
  const char* at = v.raw_json_token().data();
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  if (t == od::json_type::object || t == od::json_type::array) {
    r.offset = offset(at);
    if (!raw_json_of(v, r.text)) return false;
    r.value = r.text;
    r.state = field_state::present;
    return true;
  }
  return read_text(v, spec, r);
}

bool walker::read_field(od::value& v, const field_spec& spec, void* base) noexcept {
  switch (spec.kind) {
    case field_kind::text: return read_text(v, spec, slot<reported_text>(base, spec));
    case field_kind::integer: return read_integer(v, spec, slot<reported_int>(base, spec));
    case field_kind::boolean: return read_boolean(v, spec, slot<reported_bool>(base, spec));
    case field_kind::millis:
    case field_kind::iso_time:
    case field_kind::go_time: return read_time(v, spec, slot<reported_time>(base, spec));
    case field_kind::cas_sans:
    case field_kind::kms_sans:
    case field_kind::domain_list: return read_names(v, spec, slot<reported_names>(base, spec), false);
    case field_kind::cas_tags:
    case field_kind::kms_tags: return read_tags(v, spec, slot<reported_tags>(base, spec));
    case field_kind::raw_json: return read_raw(v, spec, slot<reported_text>(base, spec));
  }
  return true;
}

// The keys of one object, each by its table row; the first occurrence of a
// key counts.
bool walker::fields(od::object obj, std::span<const field_spec> table, void* const* bases) noexcept {
  std::uint64_t seen = 0;
  for (auto f : obj) {
    od::field field;
    const char* at = nullptr;
    if (auto e = std::move(f).get(field)) return json_error(e, at);
    std::string_view key;
    if (auto e = key_of(field, key)) return json_error(e, at);
    od::value& v = field.value();
    push(key);
    bool ok = true;
    if (table.data() == root_fields.data() && key == "Certificate") {
      ok = certificate(v);
    } else if (table.data() == root_fields.data() && key == "CertInfos") {
      ok = cert_info_list(v);
    } else {
      bool other_case = false;
      const std::size_t row = find_row(table, key, other_case);
      if (row == table.size()) {
        ok = skip(v, depth_);
      } else if (seen & (std::uint64_t{1} << row)) {
        quirks.add(quirk::duplicate_key);
        ok = skip(v, depth_);
      } else {
        seen |= std::uint64_t{1} << row;
        const field_spec& spec = table[row];
        if (other_case && spec.owner == target::api_error) quirks.add(quirk::lowercase_keys);
        if (table.data() == root_fields.data()) {
          if (spec.owner == target::api_error && spec.key == "Code") api_error_code = true;
          if (row >= kms_describe_only_first && row <= kms_describe_only_last) kms_describe_key = true;
          if (row == 0) certificate_id = true;
          if (row == kms_get_only_first || row == kms_get_only_first + 1) kms_get_key = true;
        }
        ok = read_field(v, spec, bases[static_cast<std::size_t>(spec.owner)]);
      }
    }
    pop();
    if (!ok) return false;
  }
  return true;
}

// `Certificate`: an object in CAS, a PEM string in KMS GetCertificate.
bool walker::certificate(od::value& v) noexcept {
  const char* at = v.raw_json_token().data();
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  if (t == od::json_type::object) {
    if (cas_certificate || kms_certificate) {
      quirks.add(quirk::duplicate_key);
      return skip(v, depth_);
    }
    cas_certificate = true;
    od::object obj;
    if (auto e = v.get_object().get(obj)) return json_error(e, at);
    void* bases[static_cast<std::size_t>(target::count)] = {&st_.cas.certificate};
    return fields(obj, cas_certificate_fields, bases);
  }
  if (t == od::json_type::string) {
    if (cas_certificate || kms_certificate) {
      quirks.add(quirk::duplicate_key);
      return skip(v, depth_);
    }
    kms_certificate = true;
    static constexpr field_spec spec{"Certificate", field_kind::text, target::kms_get,
                                     offsetof(kms_get_view, certificate)};
    return read_text(v, spec, st_.kms_get.certificate);
  }
  if (t == od::json_type::null) return skip(v, depth_);
  cas_certificate = true;  // the only API with a structured Certificate
  return wrong_type(v, target::cas, "Certificate must be an object (CAS) or a PEM string (KMS)", at);
}

// `CertInfos`: {"CertInfo": [...]}, {"CertInfo": {...}}, {}, {"CertInfo": []}, or [...].
bool walker::cert_info_list(od::value& v) noexcept {
  const char* at = v.raw_json_token().data();
  if (cert_infos) {
    quirks.add(quirk::duplicate_key);
    return skip(v, depth_);
  }
  cert_infos = true;
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  switch (t) {
    case od::json_type::array: {
      quirks.add(quirk::cert_info_bare_array);
      od::array arr;
      if (auto e = v.get_array().get(arr)) return json_error(e, at);
      return cert_info_items(arr, at);
    }
    case od::json_type::object: {
      od::object obj;
      if (auto e = v.get_object().get(obj)) return json_error(e, at);
      bool found = false;
      for (auto f : obj) {
        od::field field;
        if (auto e = std::move(f).get(field)) return json_error(e, nullptr);
        std::string_view key;
        if (auto e = key_of(field, key)) return json_error(e, nullptr);
        od::value& item = field.value();
        push(key);
        bool ok = true;
        if (key != "CertInfo" || found) {
          if (key == "CertInfo") quirks.add(quirk::duplicate_key);
          ok = skip(item, depth_);
        } else {
          found = true;
          const char* item_at = item.raw_json_token().data();
          od::json_type it;
          if (auto e = item.type().get(it)) return json_error(e, item_at);
          if (it == od::json_type::array) {
            od::array arr;
            if (auto e = item.get_array().get(arr)) return json_error(e, item_at);
            ok = cert_info_items(arr, item_at);
          } else if (it == od::json_type::object) {
            quirks.add(quirk::cert_info_single_object);
            st_.cdn_items.assign(1, cdn_cert_info_view{});
            ok = cert_info_item(item, 0);
          } else if (it == od::json_type::null) {
            quirks.add(quirk::cert_info_empty);
            ok = skip(item, depth_);
          } else {
            ok = wrong_type(item, target::cdn, "CertInfo must be a list or an object", item_at);
          }
        }
        pop();
        if (!ok) return false;
      }
      if (!found) quirks.add(quirk::cert_info_empty);
      return true;
    }
    case od::json_type::null:
      quirks.add(quirk::cert_info_empty);
      return skip(v, depth_);
    default:
      return wrong_type(v, target::cdn, "CertInfos must be an object or a list", at);
  }
}

bool walker::cert_info_items(od::array arr, const char* at) noexcept {
  std::size_t count = 0;
  if (auto e = arr.count_elements().get(count)) return json_error(e, nullptr);
  if (count > limits::max_certificates)
    return fail(error_code::too_many_certificates, "more certificates than the limit", at);
  if (count == 0) quirks.add(quirk::cert_info_empty);
  // Sized before the walk: views are written in place and never move.
  st_.cdn_items.assign(count, cdn_cert_info_view{});
  std::size_t index = 0;
  for (auto item : arr) {
    od::value v;
    if (auto e = item.get(v)) return json_error(e, nullptr);
    push({}, index);
    bool ok = index < count && cert_info_item(v, index);
    pop();
    if (!ok) return fatal ? false : fail(error_code::malformed_json, "malformed list", at);
    ++index;
  }
  return true;
}

bool walker::cert_info_item(od::value& v, std::size_t index) noexcept {
  const char* at = v.raw_json_token().data();
  od::json_type t;
  if (auto e = v.type().get(t)) return json_error(e, at);
  if (t != od::json_type::object) {
    return wrong_type(v, target::cdn, "a CertInfo entry must be an object", at);
  }
  od::object obj;
  if (auto e = v.get_object().get(obj)) return json_error(e, at);
  void* bases[static_cast<std::size_t>(target::count)] = {};
  bases[static_cast<std::size_t>(target::cdn)] = &st_.cdn_items[index];
  return fields(obj, cdn_cert_info_fields, bases);
}

bool walker::root(od::object obj) noexcept {
  void* bases[static_cast<std::size_t>(target::count)] = {};
  bases[static_cast<std::size_t>(target::cas)] = &st_.cas.certificate;
  bases[static_cast<std::size_t>(target::kms_describe)] = &st_.kms_describe;
  bases[static_cast<std::size_t>(target::kms_get)] = &st_.kms_get;
  bases[static_cast<std::size_t>(target::cdn)] = &st_.cdn;
  bases[static_cast<std::size_t>(target::api_error)] = &st_.api_error;
  // RequestId belongs to every API: it is read into a document_view first.
  document_view scratch;
  bases[static_cast<std::size_t>(target::document)] = &scratch;
  if (!fields(obj, root_fields, bases)) return false;
  request_id = scratch.request_id;
  return true;
}

}  // namespace alicert::internal
