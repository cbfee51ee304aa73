// alicert: the x509 wing (certificate side), everything in one include.
#pragma once

#include "alicert/x509/certificate.h"
#include "alicert/x509/der.h"
#include "alicert/x509/general_name.h"
#include "alicert/x509/name.h"
#include "alicert/x509/oid.h"
#include "alicert/x509/pem.h"
