// alicert: parse Alibaba Cloud certificate API responses into zero-copy views
// and cross-check them against the X.509 certificate they carry.
//
// The one include for users of the library. The wings:
//   alicert/responses.h  the JSON side: parser, views, document streams
//   alicert/x509.h       the certificate side: PEM, DER, names
//   alicert/check.h      the cross-check: findings per reported field
#pragma once

#include "alicert/error.h"
#include "alicert/limits.h"
#include "alicert/quirks.h"
#include "alicert/time.h"
#include "alicert/version.h"
#include "alicert/responses.h"
#include "alicert/x509.h"
#include "alicert/check.h"
