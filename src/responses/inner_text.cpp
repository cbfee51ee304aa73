// The tolerant reader for JSON held inside strings.
//
// It is a small recursive-descent reader, not simdjson: the texts it reads are
// not valid JSON (trailing commas, the documented CAS Sans sample) and are
// short, and it must never copy the outer document. Strings without escapes
// are returned as views of the text; strings with escapes are unescaped into
// the arena.
#include "inner_text.h"

#include "common/chars.h"

#include <cstring>

#include "alicert/limits.h"

namespace alicert::internal {
namespace {

bool hex4(const char* p, const char* end, std::uint32_t& v) noexcept {
  if (end - p < 4) return false;
  v = 0;
  for (int i = 0; i < 4; ++i) {
    const int d = hex_value(p[i]);
    if (d < 0) return false;
    v = v * 16 + static_cast<unsigned>(d);
  }
  return true;
}

bool is_space(char c) noexcept { return is_json_space(c); }

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

constexpr bool iequals(std::string_view a, std::string_view b) noexcept { return ascii_iequals(a, b); }

// A cursor over the inner text. Every method leaves `failure` set on error.
class reader {
 public:
  reader(std::string_view text, string_arena& arena) noexcept
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), arena_(arena) {}

  void ws() noexcept {
    while (p_ != end_ && is_space(*p_)) ++p_;
  }
  [[nodiscard]] bool at_end() noexcept { ws(); return p_ == end_; }
  [[nodiscard]] char peek() noexcept { ws(); return p_ == end_ ? '\0' : *p_; }
  bool accept(char c) noexcept {
    if (peek() == c) { ++p_; return true; }
    return false;
  }
  [[nodiscard]] std::size_t offset() const noexcept { return static_cast<std::size_t>(p_ - begin_); }

  [[nodiscard]] inner_result fail(error_code code, const char* message) const noexcept {
    return inner_result{0, code, message, offset()};
  }

  // A JSON string at the cursor.
  bool string(std::string_view& out) noexcept {
    if (!accept('"')) return false;
    const char* start = p_;
    bool escaped = false;
    while (p_ != end_ && *p_ != '"') {
      if (*p_ == '\\') {
        escaped = true;
        if (++p_ == end_) return false;
      } else if (static_cast<unsigned char>(*p_) < 0x20) {
        return false;
      }
      ++p_;
    }
    if (p_ == end_) return false;
    std::string_view raw(start, static_cast<std::size_t>(p_ - start));
    ++p_;
    if (raw.size() > limits::max_string_bytes) return false;
    if (!escaped) { out = raw; return true; }
    char* dst = arena_.take(raw.size());
    std::size_t n = 0;
    if (!dst || !unescape_json(raw, dst, n)) return false;
    arena_.give_back(raw.size() - n);
    out = {dst, n};
    return true;
  }

  // An integer, or a string holding one (CAS Type sent as "7").
  bool integer(std::int64_t& v) noexcept {
    std::string_view digits;
    if (peek() == '"') {
      if (!string(digits)) return false;
      digits = trim(digits);
      number_as_string = true;
    } else {
      const char* s = p_;
      while (p_ != end_ && ((*p_ >= '0' && *p_ <= '9') || *p_ == '-')) ++p_;
      digits = {s, static_cast<std::size_t>(p_ - s)};
    }
    bool negative = !digits.empty() && digits.front() == '-';
    if (negative) digits.remove_prefix(1);
    if (digits.empty() || digits.size() > 18) return false;
    std::int64_t x = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      x = x * 10 + (c - '0');
    }
    v = negative ? -x : x;
    return true;
  }

  // Skips any value (tolerating trailing commas), bounded in depth.
  bool skip(unsigned depth) noexcept {
    if (depth > limits::max_depth) { too_deep = true; return false; }
    char c = peek();
    if (c == '"') { std::string_view s; return string(s); }
    if (c == '[' || c == '{') {
      char close = c == '[' ? ']' : '}';
      ++p_;
      for (;;) {
        if (accept(close)) return true;
        if (c == '{') {
          std::string_view k;
          if (!string(k) || !accept(':')) return false;
        }
        if (!skip(depth + 1)) return false;
        if (accept(',')) continue;
        if (accept(close)) return true;
        return false;
      }
    }
    const char* s = p_;
    while (p_ != end_ && !is_space(*p_) && *p_ != ',' && *p_ != ']' && *p_ != '}' && *p_ != ':') ++p_;
    return p_ != s;
  }

  // Just after a '[': true (and the list consumed) when the list is empty,
  // as `[]` or as `[ , ]` (an empty list with the trailing comma every entry
  // of the documented Sans sample carries).
  bool empty_list_end() noexcept {
    if (accept(']')) return true;
    const char* save = p_;
    if (accept(',') && accept(']')) {
      trailing_comma = true;
      return true;
    }
    p_ = save;
    return false;
  }

  // After an element: ',' or the closing bracket. Records trailing commas.
  // Returns 1 to continue, 0 at the end, -1 on error.
  int next(char close) noexcept {
    if (accept(',')) {
      if (accept(close)) { trailing_comma = true; return 0; }
      return 1;
    }
    if (accept(close)) return 0;
    return -1;
  }

  bool trailing_comma{false};
  bool number_as_string{false};
  bool too_deep{false};
  const char* begin_;
  const char* p_;
  const char* end_;

 private:
  string_arena& arena_;
};

inner_result inner_error(const reader& r, const char* what) noexcept {
  if (r.too_deep) return r.fail(error_code::depth_exceeded, "JSON inside a string nests too deep");
  return r.fail(error_code::invalid_inner_json, what);
}

san_type cas_type(std::int64_t code) noexcept {
  switch (code) {
    case 1: return san_type::email;
    case 2: return san_type::dns;
    case 6: return san_type::uri;
    case 7: return san_type::ip;
    default: return san_type::other;
  }
}

}  // namespace

bool unescape_json(std::string_view in, char* out, std::size_t& written) noexcept {
  char* o = out;
  const char* p = in.data();
  const char* end = p + in.size();
  while (p != end) {
    char c = *p++;
    if (c != '\\') { *o++ = c; continue; }
    if (p == end) return false;
    char e = *p++;
    switch (e) {
      case '"': *o++ = '"'; break;
      case '\\': *o++ = '\\'; break;
      case '/': *o++ = '/'; break;
      case 'b': *o++ = '\b'; break;
      case 'f': *o++ = '\f'; break;
      case 'n': *o++ = '\n'; break;
      case 'r': *o++ = '\r'; break;
      case 't': *o++ = '\t'; break;
      case 'u': {
        std::uint32_t cp;
        if (!hex4(p, end, cp)) return false;
        p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          std::uint32_t lo;
          if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, end, lo) || lo < 0xDC00 ||
              lo > 0xDFFF)
            return false;
          p += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return false;
        }
        put_utf8(o, cp);  // never longer than the 6-byte escape it replaces
        break;
      }
      default: return false;
    }
  }
  written = static_cast<std::size_t>(o - out);
  return true;
}

inner_result read_cas_sans(std::string_view text, string_arena& arena,
                                  std::vector<san_entry>& out, quirk_set& quirks) noexcept {
  reader r(text, arena);
  std::size_t count = 0;
  if (!r.accept('[')) return inner_error(r, "Sans is not a JSON array");
  if (!r.empty_list_end()) {
    for (;;) {
      san_entry entry;
      if (r.peek() == '"') {  // a bare name in the list
        if (!r.string(entry.value)) return inner_error(r, "bad string in Sans");
      } else {
        if (!r.accept('{')) return inner_error(r, "Sans entry is not an object");
        bool have_value = false;
        if (!r.accept('}')) {
          for (;;) {
            std::string_view key;
            if (!r.string(key) || !r.accept(':')) return inner_error(r, "bad key in a Sans entry");
            if (iequals(key, "Type")) {
              if (!r.integer(entry.type_code)) return inner_error(r, "Sans Type is not an integer");
              entry.type = cas_type(entry.type_code);
            } else if (iequals(key, "Value")) {
              if (!r.string(entry.value)) return inner_error(r, "Sans Value is not a string");
              have_value = true;
            } else if (!r.skip(1)) {
              return inner_error(r, "bad value in a Sans entry");
            }
            int more = r.next('}');
            if (more < 0) return inner_error(r, "expected , or } in a Sans entry");
            if (more == 0) break;
          }
        }
        if (!have_value) return inner_error(r, "Sans entry without a Value");
      }
      if (++count > limits::max_sans) return r.fail(error_code::too_many_sans, "too many SAN entries");
      out.push_back(entry);
      int more = r.next(']');
      if (more < 0) return inner_error(r, "expected , or ] in Sans");
      if (more == 0) break;
    }
  }
  if (!r.at_end()) return inner_error(r, "text after the Sans array");
  if (r.trailing_comma) quirks.add(quirk::sans_trailing_comma);
  if (r.number_as_string) quirks.add(quirk::number_as_string);
  return inner_result{count};
}

inner_result read_name_list(std::string_view text, name_list_kind kind, string_arena& arena,
                                   std::vector<san_entry>& out, quirk_set& quirks) noexcept {
  const bool cdn = kind == name_list_kind::cdn_domain_list;
  std::size_t count = 0;
  bool empty_entry = false;
  auto add = [&](std::string_view name) -> bool {
    name = trim(name);
    if (name.empty()) { empty_entry = true; return true; }
    if (++count > limits::max_sans) return false;
    out.push_back(san_entry{san_type::unspecified, 0, name});
    return true;
  };
  auto finish = [&]() -> std::size_t {
    if (empty_entry) quirks.add(cdn ? quirk::domain_list_empty_entry : quirk::sans_empty_entry);
    return count;
  };
  reader r(text, arena);
  // A JSON array of names at the cursor (its '[' already read).
  auto array = [&]() -> inner_result {
    if (!r.empty_list_end()) {
      for (;;) {
        std::string_view name;
        if (!r.string(name)) return inner_error(r, "list entry is not a string");
        if (!add(name)) return r.fail(error_code::too_many_sans, "too many names in a list");
        int more = r.next(']');
        if (more < 0) return inner_error(r, "expected , or ] in a list");
        if (more == 0) break;
      }
    }
    return inner_result{};
  };
  char first = r.peek();
  if (first == '[') {
    r.accept('[');
    if (auto e = array(); !e) return e;
    if (!r.at_end()) return inner_error(r, "text after the list");
    if (r.trailing_comma) quirks.add(quirk::sans_trailing_comma);
    return inner_result{finish()};
  }
  if (first == '{' && !cdn) {
    // {"SubjectAlternativeName": [...]}, the wrapper XML-to-JSON leaves
    // behind, held in a string. Other members are skipped.
    r.accept('{');
    bool found = false;
    if (!r.accept('}')) {
      for (;;) {
        std::string_view key;
        if (!r.string(key) || !r.accept(':')) return inner_error(r, "bad key in a list wrapper");
        if (!found && iequals(key, "SubjectAlternativeName") && r.peek() == '[') {
          found = true;
          r.accept('[');
          if (auto e = array(); !e) return e;
        } else if (!found && iequals(key, "SubjectAlternativeName") && r.peek() == '"') {
          // A string in the wrapper: a list itself (JSON held in a string,
          // comma-separated names, or one name), read as the field would be.
          found = true;
          std::string_view inner;
          if (!r.string(inner)) return inner_error(r, "bad quoted name");
          const std::string_view t = trim(inner);
          if (!t.empty() && t.front() == '{') return inner_error(r, "a list wrapper inside a list wrapper");
          quirks.add(quirk::sans_as_string);
          const std::size_t before = out.size();
          inner_result nested = read_name_list(inner, kind, arena, out, quirks);
          if (!nested) return r.fail(nested.code, nested.message);
          count += out.size() - before;
          if (count > limits::max_sans) return r.fail(error_code::too_many_sans, "too many names in a list");
        } else if (!found && iequals(key, "SubjectAlternativeName") && r.peek() != 'n') {
          return inner_error(r, "a list wrapper holds a list, a string or null");
        } else {
          if (found && iequals(key, "SubjectAlternativeName")) quirks.add(quirk::duplicate_key);
          if (!r.skip(1)) return inner_error(r, "bad value in a list wrapper");
        }
        int more = r.next('}');
        if (more < 0) return inner_error(r, "expected , or } in a list wrapper");
        if (more == 0) break;
      }
    }
    if (!r.at_end()) return inner_error(r, "text after the list wrapper");
    if (r.trailing_comma) quirks.add(quirk::sans_trailing_comma);
    quirks.add(quirk::sans_wrapper_object);
    return inner_result{finish()};
  }
  if (first == '"') {  // one JSON string
    std::string_view name;
    if (!r.string(name) || !r.at_end()) return inner_error(r, "bad quoted name");
    if (!add(name)) return r.fail(error_code::too_many_sans, "too many names in a list");
    quirks.add(cdn ? quirk::domain_list_single : quirk::sans_single_value);
    return inner_result{finish()};
  }
  if (first == '{' || first == ']' || first == '}')
    return inner_error(r, "a list must be an array, comma-separated names, or one name");
  std::string_view rest = trim(text);
  bool comma = rest.find(',') != std::string_view::npos;
  while (!rest.empty()) {
    std::size_t cut = rest.find(',');
    std::string_view name = rest.substr(0, cut);
    if (name.find_first_of("\"[]{}") != std::string_view::npos)
      return inner_result{0, error_code::invalid_inner_json, "bad character in a name list",
                          static_cast<std::size_t>(name.data() - text.data())};
    if (!add(name))
      return inner_result{0, error_code::too_many_sans, "too many names in a list",
                          static_cast<std::size_t>(name.data() - text.data())};
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 1);
    if (rest.empty()) empty_entry = true;
  }
  if (comma) quirks.add(cdn ? quirk::domain_list_comma_separated : quirk::sans_comma_separated);
  else quirks.add(cdn ? quirk::domain_list_single : quirk::sans_single_value);
  return inner_result{finish()};
}

inner_result read_tags(std::string_view text, string_arena& arena, std::vector<tag>& out,
                              quirk_set& quirks) noexcept {
  reader r(text, arena);
  std::size_t count = 0;
  bool escaped_json = false;
  auto add = [&](tag t) -> bool {
    if (++count > limits::max_tags) return false;
    t.value_is_escaped_json = t.value.find("\\\"") != std::string_view::npos;
    escaped_json |= t.value_is_escaped_json;
    out.push_back(t);
    return true;
  };
  // A value: a string, or any other JSON kept as its raw text.
  auto value = [&](std::string_view& v) -> bool {
    if (r.peek() == '"') return r.string(v);
    r.ws();
    const char* start = r.p_;
    if (!r.skip(1)) return false;
    v = {start, static_cast<std::size_t>(r.p_ - start)};
    return true;
  };
  // Members of one object: {"TagKey": k, "TagValue": v} is one tag; any other
  // object is a map, one tag per member.
  auto object = [&]() -> bool {
    tag pair;
    bool have_key = false, have_value = false, map = false;
    if (r.accept('}')) return true;
    for (;;) {
      std::string_view key, val;
      if (!r.string(key) || !r.accept(':') || !value(val)) return false;
      if (iequals(key, "TagKey") || iequals(key, "Key")) { pair.key = val; have_key = true; }
      else if (iequals(key, "TagValue") || iequals(key, "Value")) { pair.value = val; have_value = true; }
      else { map = true; if (!add(tag{key, val, false})) return false; }
      int more = r.next('}');
      if (more < 0) return false;
      if (more == 0) break;
    }
    if (have_key && !map) return add(pair);
    if (have_key || have_value) return add(tag{pair.key, pair.value, false});
    return true;
  };
  if (r.accept('[')) {
    if (!r.empty_list_end()) {
      for (;;) {
        if (!r.accept('{') || !object()) {
          if (count > limits::max_tags) return r.fail(error_code::too_many_tags, "too many tags");
          return inner_error(r, "a tag list holds objects");
        }
        int more = r.next(']');
        if (more < 0) return inner_error(r, "expected , or ] in a tag list");
        if (more == 0) break;
      }
    }
  } else if (r.accept('{')) {
    if (!object()) {
      if (count > limits::max_tags) return r.fail(error_code::too_many_tags, "too many tags");
      return inner_error(r, "bad tag object");
    }
  } else {
    return inner_error(r, "tags must be an array or an object");
  }
  if (!r.at_end()) return inner_error(r, "text after the tags");
  if (escaped_json) quirks.add(quirk::tag_value_escaped_json);
  return inner_result{count};
}

}  // namespace alicert::internal

namespace alicert {

inner_reader::inner_reader() : scratch_(std::make_unique<internal::inner_scratch>()) {}
inner_reader::~inner_reader() = default;
inner_reader::inner_reader(inner_reader&&) noexcept = default;
inner_reader& inner_reader::operator=(inner_reader&&) noexcept = default;

result<std::span<const san_entry>> inner_reader::read_cas_sans(std::string_view text,
                                                               quirk_set& quirks) noexcept {
  scratch_->arena.reset(text.size());
  scratch_->names.clear();
  auto n = internal::read_cas_sans(text, scratch_->arena, scratch_->names, quirks);
  if (!n) return n.to_error();
  return std::span<const san_entry>(scratch_->names);
}

result<std::span<const san_entry>> inner_reader::read_name_list(std::string_view text,
                                                                name_list_kind kind,
                                                                quirk_set& quirks) noexcept {
  scratch_->arena.reset(text.size());
  scratch_->names.clear();
  auto n = internal::read_name_list(text, kind, scratch_->arena, scratch_->names, quirks);
  if (!n) return n.to_error();
  return std::span<const san_entry>(scratch_->names);
}

result<std::span<const tag>> inner_reader::read_tags(std::string_view text,
                                                     quirk_set& quirks) noexcept {
  scratch_->arena.reset(text.size());
  scratch_->tags.clear();
  auto n = internal::read_tags(text, scratch_->arena, scratch_->tags, quirks);
  if (!n) return n.to_error();
  return std::span<const tag>(scratch_->tags);
}

result<std::string_view> decode_escaped_json(std::string_view text, std::string& out) noexcept {
  out.resize(text.size());
  std::size_t n = 0;
  if (!internal::unescape_json(text, out.data(), n))
    return error{error_code::invalid_inner_json, "bad escape sequence", {}, 0};
  out.resize(n);
  return std::string_view(out);
}

}  // namespace alicert
