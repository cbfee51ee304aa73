#include "alicert/version.h"

namespace alicert {

#define ALICERT_STR2(x) #x
#define ALICERT_STR(x) ALICERT_STR2(x)

std::string_view version() noexcept {
  return ALICERT_STR(ALICERT_VERSION_MAJOR) "." ALICERT_STR(ALICERT_VERSION_MINOR) "." ALICERT_STR(
      ALICERT_VERSION_PATCH);
}

}  // namespace alicert
