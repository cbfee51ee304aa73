#include "kms_pairing.h"

namespace alicert::cli {

void kms_pairing::build_index() {
  indexed_ = true;
  document_stream stream(*parser_, input_);
  while (stream.next()) {
    const auto& doc = stream.document();
    if (!doc || doc->kind != api::kms_get_certificate || doc->kms_get == nullptr) continue;
    const auto& id = doc->kms_get->certificate_id;
    if (!id.present()) continue;
    const std::string_view text = stream.text();
    auto [it, added] = by_id_.try_emplace(std::string(id.value), extent{stream.offset(), text.size(), 0});
    ++it->second.count;
  }
}

const kms_get_view* kms_pairing::find(std::string_view certificate_id, bool* ambiguous) {
  if (!indexed_) build_index();
  current_.reset();
  const auto it = by_id_.find(certificate_id);
  if (it == by_id_.end()) return nullptr;
  if (ambiguous != nullptr) *ambiguous = it->second.count > 1;
  // The document is followed by the rest of the input and then the input's
  // padding, so the slice keeps the padding promise of padded_view.
  current_.emplace(parser_->parse(padded_view(input_.data() + it->second.offset, it->second.size),
                                 api::kms_get_certificate));
  if (!*current_ || (*current_)->kms_get == nullptr) return nullptr;
  return (*current_)->kms_get;
}

}  // namespace alicert::cli
