// The walk over one response document (walker.h): objects read against
// their candidate schemas, the structures under the root, and the JSON
// plumbing (strings in place, raw values, validation of skipped values).
#include "walker.h"

#include <cstdint>
#include <cstring>

#include "alicert/limits.h"
#include "common/chars.h"
#include "root_joint.h"
#include "scan.h"
#include "schemas/api_error.h"
#include "schemas/cas.h"
#include "schemas/cdn.h"
#include "schemas/cdn_domain.h"
#include "schemas/kms.h"
#include "schemas/slb.h"
#include "schemas/ssl.h"

namespace alicert::internal {
namespace {

std::string_view trim_token(std::string_view tok) noexcept {
  while (!tok.empty() && is_json_space(tok.back())) tok.remove_suffix(1);
  return tok;
}

// A string or number read from its token is not consumed by On-Demand, whose
// skip over an unconsumed value steps to the next bracket without looking at
// what stands between (`"a":"b"}` would pass as one value). So the token must
// be followed by what may follow a value: a comma or a closing bracket.
// Returns null when it is, else where the stray token stands.
const char* stray_after_value(std::string_view raw_token, const char* end) noexcept {
  const char* p = raw_token.data() + raw_token.size();
  while (p < end && is_json_space(*p)) ++p;
  return p >= end || *p == ',' || *p == '}' || *p == ']' ? nullptr : p;
}

}  // namespace

// A key without escapes (every key the APIs send) is read in place;
// unescaped_key() would copy each one into simdjson's string buffer. Keys
// are short: json_string_stop finds the first quote or backslash eight
// bytes at a time, where two memchr calls (the quote, then a backslash
// before it) cost more than the key (perf: 5% of a CAS parse). It also
// stops at a raw control character, which stage 1 has already refused
// (UNESCAPED_CHARS), so a key never holds one here.
simdjson::error_code walker::key_of(od::field& field, std::string_view& out) const noexcept {
  const char* const p = field.key().raw();
  const char* const q = json_string_stop(p, end_);
  if (q < end_ && *q == '"') {
    out = {p, static_cast<std::size_t>(q - p)};
    return simdjson::SUCCESS;
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
    case simdjson::CAPACITY: return fail(error_code::document_too_large, "the document is too large", at);
    case simdjson::MEMALLOC: return fail(error_code::out_of_memory, "out of memory", at);
    case simdjson::NUMBER_OUT_OF_RANGE: return fail(error_code::number_out_of_range, "a number out of range", at);
    default: break;
  }
  if (!fatal) {
    fatal = error{error_code::malformed_json, simdjson::error_message(code), pointer(), at ? offset(at) : 0};
  }
  return false;
}

bool walker::fail(error_code code, const char* message, const char* at) noexcept {
  if (!fatal) fatal = error{code, message, pointer(), at ? offset(at) : 0};
  return false;
}

// A token where a comma or a closing bracket belongs stands between values:
// the error points at the container, as simdjson's own missing-comma error does.
bool walker::stray_token(const char* at, bool field_value) noexcept {
  const std::size_t depth = depth_;
  if (field_value && depth_ > 0) --depth_;
  fail(error_code::malformed_json, "expected a comma or a closing bracket after a value", at);
  depth_ = depth;
  return false;
}

void walker::defer(api owner, error_code code, const char* message, const char* at) noexcept {
  auto& slot = pending[static_cast<std::size_t>(owner)];
  if (!slot) slot = error{code, message, pointer(), offset(at)};
}

// A value of a type the field does not accept: the error is charged to the
// field's API (the value itself was validated when it was read).
bool walker::wrong_type(api owner, const char* message, const char* at) noexcept {
  defer(owner, error_code::wrong_type, message, at);
  return true;
}

json_pointer walker::pointer() const noexcept {
  json_pointer out;
  for (std::size_t i = 0; i < depth_ && i < path_.size(); ++i) {
    if (path_[i].key.data() == nullptr)
      out.append_index(path_[i].index);
    else
      out.append_key(path_[i].key);
  }
  return out;
}

void walker::push(std::string_view key, std::size_t index) noexcept {
  if (depth_ < path_.size()) path_[depth_] = segment{key, index};
  ++depth_;
}

// A JSON string: a view of the input when it has no escapes, else of the
// parser's string buffer (simdjson unescapes into it), or, for a private
// key, of the parser's wiped arena; a skipped string is only validated.
bool walker::string_of(od::value& v, std::string_view& out, bool field_value, string_use use) noexcept {
  std::string_view tok = trim_token(v.raw_json_token());
  if (tok.size() < 2 || tok.front() != '"' || tok.back() != '"')
    return fail(error_code::malformed_json, "malformed JSON string", tok.data());
  if (const char* stray = stray_after_value(v.raw_json_token(), end_)) return stray_token(stray, field_value);
  std::string_view content = tok.substr(1, tok.size() - 2);
  if (content.size() > limits::max_string_bytes)
    return fail(error_code::string_too_long, "a string is longer than the limit", tok.data());
  if (std::memchr(content.data(), '\\', content.size()) == nullptr) {
    // Raw control characters (RFC 8259 section 7) need no check here: every
    // simdjson stage 1 kernel refuses them (UNESCAPED_CHARS) before the walk.
    out = content;
    return true;
  }
  switch (use) {
    case string_use::read:
      if (auto e = v.get_string().get(out)) return json_error(e, tok.data());
      return true;
    case string_use::validate:
      if (!valid_json_escapes(content)) return json_error(simdjson::STRING_ERROR, tok.data());
      return true;
    case string_use::secret: {
      char* room = st_.secrets.take(content.size());
      std::size_t written = 0;
      if (room == nullptr) return fail(error_code::out_of_memory, "out of memory", tok.data());
      if (!unescape_json(content, room, written)) {
        st_.secrets.give_back(content.size());
        return json_error(simdjson::STRING_ERROR, tok.data());
      }
      st_.secrets.give_back(content.size() - written);
      out = {room, written};
      return true;
    }
  }
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
  while (end > start && is_json_space(end[-1])) --end;
  const char close = *start == '[' ? ']' : '}';
  if (end == start || end[-1] != close) return fail(error_code::malformed_json, "could not delimit a JSON value", start);
  out = {start, static_cast<std::size_t>(end - start)};
  return true;
}

bool walker::raw_of(od::value& v, raw_value& out, bool secret) noexcept {
  out.at = v.raw_json_token().data();
  if (auto e = v.type().get(out.type)) return json_error(e, out.at);
  switch (out.type) {
    case od::json_type::string: return string_of(v, out.text, true, secret ? string_use::secret : string_use::read);
    case od::json_type::array:
    case od::json_type::object: return raw_json_of(v, out.text);
    default:
      out.text = trim_token(v.raw_json_token());
      return skip(v, depth_);
  }
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
        if (auto e = item.error()) return json_error(e, nullptr);
        od::value& iv = item_in_place(item);
        if (!skip(iv, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::object: {
      od::object obj;
      if (auto e = v.get_object().get(obj)) return json_error(e, at);
      for (auto f : obj) {
        if (auto e = f.error()) return json_error(e, nullptr);
        od::field& field = field_in_place(f);
        std::string_view key;
        if (auto e = key_of(field, key)) return json_error(e, nullptr);
        if (!skip(field.value(), depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view s;
      return string_of(v, s, depth == depth_, string_use::validate);
    }
    case od::json_type::number:
      // Any valid JSON number, whatever its magnitude (simdjson's number
      // parser refuses integers past 64 bits and 1e400, which are valid JSON).
      if (!is_json_number(trim_token(v.raw_json_token())))
        return fail(error_code::malformed_json, "malformed JSON number", at);
      if (const char* stray = stray_after_value(v.raw_json_token(), end_)) return stray_token(stray, depth == depth_);
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

// The keys of one object, each read once and converted for every reading
// whose schema has it; the first occurrence of a key counts.
void walker::find_rows(std::string_view key, std::span<reading> readings, joint_find joint,
                       std::array<std::size_t, api_count>& rows, std::uint32_t& other_case) const noexcept {
  if (joint != nullptr && joint(key, rows, other_case)) return;
  other_case = 0;
  for (std::size_t i = 0; i < readings.size(); ++i) {
    bool oc = false;
    rows[i] = readings[i].ops->index->find(key, oc);
    if (oc) other_case |= std::uint32_t{1} << i;
  }
}

bool walker::object(od::object obj, std::span<reading> readings, bool at_root, joint_find joint) {
  for (auto f : obj) {
    if (auto e = f.error()) return json_error(e, nullptr);
    od::field& field = field_in_place(f);
    std::string_view key;
    if (auto e = key_of(field, key)) return json_error(e, nullptr);
    od::value& v = field.value();
    push(key);
    bool ok = true, structure = false;
    if (at_root) {
      for (std::string_view k : schemas::gucd_excluding_keys) gucd_excluded = gucd_excluded || k == key;
      ok = root_structure(key, v, structure);
    }
    if (!structure) {
      std::array<std::size_t, api_count> rows{};
      std::uint32_t other_case = 0;
      find_rows(key, readings, joint, rows, other_case);
      bool any = false, repeated = false, secret = false;
      for (std::size_t i = 0; i < readings.size(); ++i) {
        if (rows[i] == key_index::npos) continue;
        const std::uint64_t bit = std::uint64_t{1} << rows[i];
        if (readings[i].seen & bit) {
          repeated = true;
          rows[i] = key_index::npos;
          continue;
        }
        readings[i].seen |= bit;
        any = true;
        if ((other_case >> i) & 1u) quirks[static_cast<std::size_t>(readings[i].owner)].add(quirk::lowercase_keys);
        const unsigned flags = readings[i].ops->flags(rows[i]);
        secret = secret || (flags & flag::secret) != 0;
        if (flags & flag::distinctive) marked[static_cast<std::size_t>(readings[i].owner)] = true;
        if (flags & flag::fallback) fallback_marked[static_cast<std::size_t>(readings[i].owner)] = true;
      }
      if (repeated) common_quirks.add(quirk::duplicate_key);
      if (!any) {
        ok = skip(v, depth_);
      } else {
        raw_value raw;
        ok = raw_of(v, raw, secret);
        for (std::size_t i = 0; ok && i < readings.size(); ++i)
          if (rows[i] != key_index::npos)
            ok = readings[i].ops->apply(*this, raw, rows[i], readings[i].view, readings[i].owner);
      }
    }
    pop();
    if (!ok) return false;
  }
  return true;
}

bool walker::root(od::object obj) {
  std::array<reading, root_joint::count> r = root_readings(st_);
  return object(obj, r, true, root_joint::serves(r) ? &root_joint::find : nullptr);
}

}  // namespace alicert::internal
