# Warnings for alicert's own targets (never propagated to consumers).
function(alicert_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wnull-dereference -Wdouble-promotion
    -Wimplicit-fallthrough)
endfunction()
