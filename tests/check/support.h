// Test support for the check wing: certificates built with OpenSSL (the
// oracle), and response views built from them, field by field. One include
// for the three parts: certs.h (building), oracle.h (what OpenSSL says),
// views.h (views and report assertions).
#pragma once

#include "certs.h"
#include "oracle.h"
#include "views.h"
