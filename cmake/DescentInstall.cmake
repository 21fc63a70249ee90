# Install and export rules of the library (README, "Use the library in your own project").
# `cmake --install build --prefix PREFIX` writes
#   PREFIX/include/descent/<module>/*.hpp         the public headers
#   PREFIX/lib/libdescent_<module>.a              one static archive per module
#   PREFIX/lib/cmake/descent/descentConfig.cmake  for find_package(descent), with the targets
#                                                 descent::<module> and descent::descent
# and nothing of the chapters, tests, docs or benchmarks. The targets keep the names the build
# tree gives them (lib/CMakeLists.txt: EXPORT_NAME <module>, aliases descent::<module>), so a
# project links the same names whether it uses an install or add_subdirectory.
if(NOT DESCENT_INSTALL)
  return()
endif()
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(descent_install_targets descent)
foreach(module IN LISTS DESCENT_MODULES)
  list(APPEND descent_install_targets descent_${module})
endforeach()
install(TARGETS ${descent_install_targets} EXPORT descentTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/descent
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")

set(descent_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/descent)
install(EXPORT descentTargets NAMESPACE descent:: DESTINATION ${descent_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/descentConfig.cmake.in
  ${PROJECT_BINARY_DIR}/descentConfig.cmake INSTALL_DESTINATION ${descent_cmake_dir})
# 0.x: a minor version may change the interface, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/descentConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/descentConfig.cmake
              ${PROJECT_BINARY_DIR}/descentConfigVersion.cmake
        DESTINATION ${descent_cmake_dir})
