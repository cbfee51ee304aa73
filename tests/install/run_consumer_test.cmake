# ctest driver: the installed package works for a consumer, for both library
# kinds. The build under test is installed into a scratch prefix; a second
# build of the library, of the other kind (static <-> shared), is configured,
# built and installed into another. Against each, the README's library
# example (its ```cpp block, so the documentation cannot rot) is built with
# find_package(alicert CONFIG) and with plain `pkg-config --cflags --libs`,
# and run on a corpus document.
foreach(var SOURCE_DIR BUILD_DIR WORK_DIR CONSUMER_DIR CXX_COMPILER SHARED)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_consumer_test.cmake needs -D${var}=...")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(document ${SOURCE_DIR}/corpus/parse_cas/rsa2048_documented_shape.json)

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGV}\n${out}")
  endif()
endfunction()

# The README's example program.
file(READ ${SOURCE_DIR}/README.md readme)
string(FIND "${readme}" "```cpp\n" begin)
if(begin LESS 0)
  message(FATAL_ERROR "README.md has no ```cpp block")
endif()
math(EXPR begin "${begin} + 7")
string(SUBSTRING "${readme}" ${begin} -1 rest)
string(FIND "${rest}" "\n```" end)
string(SUBSTRING "${rest}" 0 ${end} example)
set(source_dir ${WORK_DIR}/consumer-src)
file(WRITE ${source_dir}/main.cpp "${example}\n")
file(COPY ${CONSUMER_DIR}/CMakeLists.txt DESTINATION ${source_dir})

# consume(<name> <prefix> <shared>): find_package and pkg-config builds, run.
function(consume name prefix shared)
  set(ENV{LD_LIBRARY_PATH} "")
  set(build ${WORK_DIR}/${name}-cmake)
  run(${CMAKE_COMMAND} -S ${source_dir} -B ${build}
      -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=Release)
  run(${CMAKE_COMMAND} --build ${build})
  run(${build}/consumer ${document})   # CMake gives the shared library an RPATH

  file(GLOB_RECURSE pc_files ${prefix}/*/alicert.pc)
  list(LENGTH pc_files n)
  if(NOT n EQUAL 1)
    message(FATAL_ERROR "${name}: expected one installed alicert.pc, found: ${pc_files}")
  endif()
  get_filename_component(pc_dir ${pc_files} DIRECTORY)
  set(ENV{PKG_CONFIG_PATH} ${pc_dir})
  # Plain --cflags --libs, exactly as a user types it: no --static.
  execute_process(COMMAND pkg-config --cflags --libs alicert
                  OUTPUT_VARIABLE flags RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name}: pkg-config does not know the installed alicert")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(${CXX_COMPILER} -std=c++20 ${source_dir}/main.cpp -o ${WORK_DIR}/${name}-pc ${flags})
  if(shared)
    get_filename_component(lib_dir ${pc_dir} DIRECTORY)
    set(ENV{LD_LIBRARY_PATH} ${lib_dir})
    file(GLOB sonames ${lib_dir}/libalicert.so.*)
    if(NOT sonames)
      message(FATAL_ERROR "${name}: no versioned libalicert.so.* in ${lib_dir}")
    endif()
  endif()
  run(${WORK_DIR}/${name}-pc ${document})
  set(ENV{LD_LIBRARY_PATH} "")
endfunction()

# The build under test.
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix-this)
consume(this ${WORK_DIR}/prefix-this ${SHARED})

# The other kind, library only.
if(SHARED)
  set(other_shared OFF)
else()
  set(other_shared ON)
endif()
run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/other-build -G Ninja -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DBUILD_SHARED_LIBS=${other_shared}
    -DALICERT_BUILD_TESTS=OFF -DALICERT_BUILD_CLI=OFF -DALICERT_BUILD_FUZZ=OFF -DALICERT_BUILD_BENCH=OFF)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/other-build)
run(${CMAKE_COMMAND} --install ${WORK_DIR}/other-build --prefix ${WORK_DIR}/prefix-other)
consume(other ${WORK_DIR}/prefix-other ${other_shared})
message(STATUS "consumer builds passed: this build (shared=${SHARED}) and the other kind (shared=${other_shared})")
