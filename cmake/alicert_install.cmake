# Install rules: headers, the library, an exported CMake package
# (find_package(alicert CONFIG) -> alicert::alicert) and a pkg-config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS alicert EXPORT alicert-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET alicert_cli)
  install(TARGETS alicert_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(ALICERT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/alicert)
install(EXPORT alicert-targets NAMESPACE alicert:: DESTINATION ${ALICERT_CMAKE_DIR})
export(EXPORT alicert-targets NAMESPACE alicert::
  FILE ${PROJECT_BINARY_DIR}/alicert-targets.cmake)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/alicert-config.cmake.in
  ${PROJECT_BINARY_DIR}/alicert-config.cmake
  INSTALL_DESTINATION ${ALICERT_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/alicert-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/alicert-config.cmake
  ${PROJECT_BINARY_DIR}/alicert-config-version.cmake
  DESTINATION ${ALICERT_CMAKE_DIR})

# A static libalicert.a records none of its dependencies, so plain
# `pkg-config --libs alicert` must name them (Requires); a shared one links
# them itself, and they are needed only for a --static link (Requires.private).
if(BUILD_SHARED_LIBS)
  set(ALICERT_PC_CFLAGS "")
  set(ALICERT_PC_REQUIRES "Requires.private")
else()
  set(ALICERT_PC_CFLAGS "-DALICERT_STATIC_DEFINE")
  set(ALICERT_PC_REQUIRES "Requires")
endif()
# Relocatable: the prefix is found from the .pc file's own place, so
# `cmake --install --prefix` anywhere gives a working pkg-config file.
file(RELATIVE_PATH ALICERT_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file(${PROJECT_SOURCE_DIR}/cmake/alicert.pc.in ${PROJECT_BINARY_DIR}/alicert.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/alicert.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
