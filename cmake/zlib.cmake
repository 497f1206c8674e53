# zlib for the core's zip reader (src/core/zip.cpp): one target, `seglens_zlib`, for both builds.
#   native:      the system zlib (Debian's zlib1g-dev), through find_package(ZLIB)
#   Emscripten:  a static library compiled from Debian's zlib source package, which
#                scripts/setup.sh unpacks into .cache/zlib (Emscripten's own zlib port downloads
#                from the internet, which the build must not need)
set(SEGLENS_ZLIB_DIR "${CMAKE_CURRENT_LIST_DIR}/../.cache/zlib" CACHE PATH "zlib source (scripts/setup.sh unpacks Debian's)")

if(EMSCRIPTEN)
  if(NOT EXISTS "${SEGLENS_ZLIB_DIR}/inflate.c")
    message(FATAL_ERROR "zlib source not found in ${SEGLENS_ZLIB_DIR}: run scripts/setup.sh")
  endif()
  set(_zlib_sources)
  foreach(f adler32 compress crc32 deflate infback inffast inflate inftrees trees uncompr zutil)
    list(APPEND _zlib_sources "${SEGLENS_ZLIB_DIR}/${f}.c")
  endforeach()
  add_library(seglens_zlib STATIC ${_zlib_sources})
  set_target_properties(seglens_zlib PROPERTIES C_STANDARD 99 C_EXTENSIONS ON)
  # zlib's own build defines these on POSIX; they only matter to gz*.c, which is not compiled.
  target_compile_definitions(seglens_zlib PRIVATE HAVE_UNISTD_H HAVE_STDARG_H)
  target_compile_options(seglens_zlib PRIVATE -w)
  target_include_directories(seglens_zlib SYSTEM PUBLIC "${SEGLENS_ZLIB_DIR}")
else()
  find_package(ZLIB REQUIRED)
  add_library(seglens_zlib INTERFACE)
  target_link_libraries(seglens_zlib INTERFACE ZLIB::ZLIB)
endif()
