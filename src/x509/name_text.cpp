// Where reported DN text ("CN=example.com, O=Example Co., Ltd.") is parsed
// into (type, value) pairs: RFC 4514, with RFC 2253 quoting and the APIs'
// unescaped commas.
#include "alicert/x509/name.h"

#include <optional>

#include "alicert/x509/der.h"
#include "alicert/x509/oid.h"
#include "common/chars.h"
#include "common/memory.h"
#include "x509/name_parts.h"

namespace alicert::x509 {
namespace {

using internal::ascii_iequals;
using internal::hex_value;

// The spaces allowed around separators and `=`: the text came out of JSON,
// whose whitespace set this is.
constexpr bool is_space(char c) noexcept { return internal::is_json_space(c); }
using internal::is_ascii_alpha;
using internal::is_ascii_digit;

// A parse step's outcome: nothing, or what went wrong.
using fault = std::optional<error>;

error bad_name(std::size_t at, const char* what) { return error{error_code::bad_name, what, {}, at}; }

struct alias {
  std::string_view name;
  std::span<const std::uint8_t> oid;
};
constexpr alias aliases[] = {
    {"S", oids::state},
    {"E", oids::email_address},
    {"email", oids::email_address},
    {"SP", oids::state},
};

// The keywords nearly every reported DN uses. The scan below finds each of
// them at its own row (no alias and no earlier row has that name).
std::span<const std::uint8_t> common_keyword_oid(std::string_view word) noexcept {
  const auto is = [&](std::string_view k) { return ascii_iequals(word, k); };
  switch (word.size()) {
    case 1:
      if (is("C")) return oids::country;
      if (is("O")) return oids::organization;
      if (is("L")) return oids::locality;
      return {};
    case 2:
      if (is("CN")) return oids::common_name;
      if (is("OU")) return oids::organizational_unit;
      if (is("ST")) return oids::state;
      return {};
    default: return {};
  }
}

// The OID of an attribute keyword, or empty when unknown.
std::span<const std::uint8_t> keyword_oid(std::string_view word) noexcept {
  if (const auto common = common_keyword_oid(word); !common.empty()) return common;
  for (const alias& a : aliases)
    if (ascii_iequals(a.name, word)) return a.oid;
  for (const oid_info& info : known_oids())
    if (info.kind == oid_kind::attribute &&
        (ascii_iequals(info.short_name, word) || ascii_iequals(info.long_name, word)))
      return info.der;
  return {};
}

// Scans an attribute type at text[i..]; on success sets `end` past it.
bool scan_type(std::string_view text, std::size_t i, std::size_t& end) noexcept {
  if (i >= text.size()) return false;
  std::size_t j = i;
  if (text.size() - i > 4 && ascii_iequals(text.substr(i, 4), "oid.") && is_ascii_digit(text[i + 4])) j += 4;
  if (is_ascii_digit(text[j])) {
    while (j < text.size() && (is_ascii_digit(text[j]) || text[j] == '.')) ++j;
  } else if (is_ascii_alpha(text[j])) {
    while (j < text.size() && (is_ascii_alpha(text[j]) || is_ascii_digit(text[j]) || text[j] == '-')) ++j;
  } else {
    return false;
  }
  end = j;
  return true;
}

// After an unescaped ',' or '+' at text[i]: does a `type =` follow? When it
// does not, the character is taken as part of the value: the APIs are known
// to leave commas in organization names unescaped ("Co., Ltd.").
bool separator_follows(std::string_view text, std::size_t i) noexcept {
  std::size_t j = i + 1;
  while (j < text.size() && is_space(text[j])) ++j;
  if (j == text.size()) return true;  // a dangling separator, reported as such by the caller
  std::size_t end = 0;
  if (!scan_type(text, j, end)) return false;
  while (end < text.size() && is_space(text[end])) ++end;
  return end < text.size() && text[end] == '=';
}

// One pass over the text. Types go into `storage` as OID DER, values as
// UTF-8; `offsets` gets (type at, type size, value at, value size, rdn, hex) per pair.
class dn_text_parser {
 public:
  dn_text_parser(std::string_view text, std::string& storage, std::string& scratch,
                 std::vector<std::size_t>& offsets) noexcept
      : text_(text), storage_(storage), scratch_(scratch), offsets_(offsets) {}

  fault parse() {
    skip_spaces();
    if (i_ == text_.size()) return std::nullopt;
    std::size_t rdn = 0;
    while (true) {
      skip_spaces();
      const std::size_t type_at = storage_.size();
      if (fault f = parse_type()) return f;
      const std::size_t type_size = storage_.size() - type_at;
      const std::size_t value_at = storage_.size();
      hex_ = false;
      if (fault f = parse_value()) return f;
      if (!internal::valid_utf8(std::string_view{storage_}.substr(value_at)))
        return bad_name(i_, "value is not valid UTF-8 after unescaping");
      offsets_.insert(offsets_.end(),
                      {type_at, type_size, value_at, storage_.size() - value_at, rdn, hex_ ? 1u : 0u});
      if (i_ == text_.size()) return std::nullopt;
      if (text_[i_] == ',' || text_[i_] == ';') {
        ++rdn;
      } else if (text_[i_] != '+') {
        return bad_name(i_, "expected ',' or '+' between attributes");
      }
      ++i_;
    }
  }

 private:
  void skip_spaces() noexcept {
    while (i_ < text_.size() && is_space(text_[i_])) ++i_;
  }

  // `type =`: a keyword or a dotted OID, stored as OID DER.
  fault parse_type() {
    std::size_t type_end = 0;
    if (!scan_type(text_, i_, type_end)) return bad_name(i_, "expected an attribute type");
    std::string_view word = text_.substr(i_, type_end - i_);
    if (is_ascii_digit(word.back()) && (is_ascii_digit(word[0]) || ascii_iequals(word.substr(0, 4), "oid."))) {
      if (!is_ascii_digit(word[0])) word.remove_prefix(4);
      std::uint8_t oid[128];
      auto n = parse_oid(word, oid);
      if (!n) return bad_name(i_, "malformed dotted OID");
      storage_.append(reinterpret_cast<const char*>(oid), *n);
    } else {
      const auto oid = keyword_oid(word);
      if (oid.empty()) return bad_name(i_, "unknown attribute type");
      storage_.append(reinterpret_cast<const char*>(oid.data()), oid.size());
    }
    i_ = type_end;
    skip_spaces();
    if (i_ == text_.size() || text_[i_] != '=') return bad_name(i_, "expected '=' after the attribute type");
    ++i_;
    skip_spaces();
    return std::nullopt;
  }

  fault parse_value() {
    if (i_ < text_.size() && text_[i_] == '#') return parse_hex_value();
    if (i_ < text_.size() && text_[i_] == '"') return parse_quoted_value();
    return parse_plain_value();
  }

  // `#` and the hex of one BER value, stored as its string when it is one.
  fault parse_hex_value() {
    const std::size_t start = i_++;
    std::size_t j = i_;
    while (j < text_.size() && hex_value(text_[j]) >= 0) ++j;
    if (j == i_ || (j - i_) % 2 != 0) return bad_name(start, "malformed #hex value");
    scratch_.clear();
    for (std::size_t k = i_; k < j; k += 2)
      scratch_ += static_cast<char>(hex_value(text_[k]) * 16 + hex_value(text_[k + 1]));
    const std::span<const std::uint8_t> der{reinterpret_cast<const std::uint8_t*>(scratch_.data()), scratch_.size()};
    auto t = read_tlv(der, nullptr);
    if (!t || t->encoding.size() != der.size()) return bad_name(start, "#hex value is not one BER value");
    if (!append_utf8(t->identifier, t->value, storage_)) {
      internal::append_hex_value(der, storage_);
      hex_ = true;
    }
    i_ = j;
    skip_spaces();
    return std::nullopt;
  }

  // A `\XX` hex pair at text[i_] (past the backslash's position), consumed when present.
  bool take_hex_pair() {
    if (i_ + 2 >= text_.size()) return false;
    const int hi = hex_value(text_[i_ + 1]), lo = hex_value(text_[i_ + 2]);
    if (hi < 0 || lo < 0) return false;
    storage_ += static_cast<char>(hi * 16 + lo);
    i_ += 3;
    return true;
  }

  // RFC 2253 `"quoted"`: everything up to the closing quote, backslash escapes any character.
  fault parse_quoted_value() {
    const std::size_t start = i_++;
    while (i_ < text_.size() && text_[i_] != '"') {
      if (text_[i_] == '\\') {
        if (i_ + 1 >= text_.size()) return bad_name(i_, "backslash at the end of the text");
        if (!take_hex_pair()) {
          storage_ += text_[i_ + 1];
          i_ += 2;
        }
        continue;
      }
      storage_ += text_[i_++];
    }
    if (i_ == text_.size()) return bad_name(start, "unterminated quoted value");
    ++i_;
    skip_spaces();
    return std::nullopt;
  }

  // Up to the next separator that a `type =` follows; unescaped trailing spaces dropped.
  fault parse_plain_value() {
    std::size_t keep = storage_.size();
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c != ',' && c != '+' && c != '\\') {
        // A run of ordinary characters, appended at once; `keep` ends at its last non-space.
        std::size_t j = i_, last = std::string_view::npos;
        for (; j < text_.size() && text_[j] != ',' && text_[j] != '+' && text_[j] != '\\'; ++j)
          if (!is_space(text_[j])) last = j;
        const std::size_t at = storage_.size();
        storage_.append(text_, i_, j - i_);
        if (last != std::string_view::npos) keep = at + (last - i_) + 1;
        i_ = j;
        continue;
      }
      if ((c == ',' || c == '+') && separator_follows(text_, i_)) break;
      if (c == '\\') {
        if (i_ + 1 >= text_.size()) return bad_name(i_, "backslash at the end of the text");
        const char n = text_[i_ + 1];
        if (!take_hex_pair()) {
          // RFC 4514 escapes only special characters; `\n` or `\é` is a mistake, not a value.
          if (is_ascii_alpha(n) || is_ascii_digit(n) || static_cast<unsigned char>(n) < 0x20 ||
              static_cast<unsigned char>(n) >= 0x7f)
            return bad_name(i_, "invalid escape in a value");
          storage_ += n;
          i_ += 2;
        }
        keep = storage_.size();
        continue;
      }
      storage_ += c;
      ++i_;
      if (!is_space(c)) keep = storage_.size();
    }
    storage_.resize(keep);
    return std::nullopt;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  bool hex_ = false;  // the value being parsed is #hex of no string
  std::string& storage_;
  std::string& scratch_;
  std::vector<std::size_t>& offsets_;
};

}  // namespace

result<std::span<const name_attribute>> name_set::parse_text_impl(std::string_view text) {
  storage_.clear();
  offsets_.clear();
  attrs_.clear();
  dn_text_parser parser(text, storage_, scratch_, offsets_);
  if (fault f = parser.parse()) {
    offsets_.clear();
    return *f;
  }
  finish();
  return std::span<const name_attribute>{attrs_};
}

}  // namespace alicert::x509
