// Anchors the responses wing's object library (a wing may be a header-only start).
