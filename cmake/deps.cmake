# Header-only dependencies from Debian's -dev packages (/usr/include).
# Emscripten's sysroot must not see all of /usr/include (glibc headers), so for both builds
# the few library folders are linked into one include directory of the build.
set(_hdr "${CMAKE_BINARY_DIR}/deps-include")
file(MAKE_DIRECTORY "${_hdr}")
foreach(dep nlohmann doctest fast_float LBFGSpp LBFGS.h LBFGSB.h)
  if(NOT EXISTS "/usr/include/${dep}")
    message(FATAL_ERROR "/usr/include/${dep} is missing: run scripts/setup.sh")
  endif()
  file(CREATE_LINK "/usr/include/${dep}" "${_hdr}/${dep}" SYMBOLIC)
endforeach()
if(NOT EXISTS /usr/include/eigen3/Eigen)
  message(FATAL_ERROR "Eigen is missing: run scripts/setup.sh")
endif()
file(CREATE_LINK /usr/include/eigen3/Eigen "${_hdr}/Eigen" SYMBOLIC)

add_library(seglens_deps INTERFACE)
target_include_directories(seglens_deps SYSTEM INTERFACE "${_hdr}")
target_compile_definitions(seglens_deps INTERFACE EIGEN_MPL2_ONLY)
if(EMSCRIPTEN)
  target_compile_options(seglens_deps INTERFACE -fwasm-exceptions)
  target_link_options(seglens_deps INTERFACE -fwasm-exceptions)
endif()
