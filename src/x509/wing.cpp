// Anchors the x509 wing's object library (a wing may be a header-only start).
