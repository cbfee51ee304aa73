#include "alicert/version.h"

namespace alicert {

std::string_view version() noexcept { return ALICERT_VERSION_STRING; }

}  // namespace alicert
