// alicert: the one export macro. The library is built with hidden visibility;
// only declarations marked ALICERT_API are part of its binary interface, in a
// shared build and in the objects of a static one alike.
#pragma once

#if defined(_WIN32)
#  if defined(ALICERT_STATIC_DEFINE)
#    define ALICERT_API
#  elif defined(ALICERT_BUILDING)
#    define ALICERT_API __declspec(dllexport)
#  else
#    define ALICERT_API __declspec(dllimport)
#  endif
#else
#  define ALICERT_API __attribute__((visibility("default")))
#endif
