# Fonts, cut from Debian's font packages at build time and compiled in (no side files, so the
# offline single-file build carries them too):
#   latin: DejaVu Sans, Latin + punctuation + currency signs          (~65 KB)
#   cjk:   Droid Sans Fallback, every CJK unified ideograph + CJK and fullwidth punctuation (~2.8 MB);
#          the app rasterizes the common ones at start and adds the ones a file uses.
set(_py /usr/bin/python3)
set(_assets "${CMAKE_BINARY_DIR}/assets")
file(MAKE_DIRECTORY "${_assets}")
set(SEGLENS_FONT_LATIN_SRC /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)
set(SEGLENS_FONT_CJK_SRC /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf)
foreach(f ${SEGLENS_FONT_LATIN_SRC} ${SEGLENS_FONT_CJK_SRC})
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "${f} is missing: run scripts/setup.sh")
  endif()
endforeach()

add_custom_command(OUTPUT "${_assets}/latin.ttf"
  COMMAND ${_py} -m fontTools.subset ${SEGLENS_FONT_LATIN_SRC}
          "--unicodes=U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-205E,U+20AC,U+2190-2199,U+2212,U+2713,U+2715,U+25A0-25FF"
          "--output-file=${_assets}/latin.ttf"
  DEPENDS ${SEGLENS_FONT_LATIN_SRC} VERBATIM)
add_custom_command(OUTPUT "${_assets}/cjk.ttf"
  COMMAND ${_py} -m fontTools.subset ${SEGLENS_FONT_CJK_SRC}
          "--unicodes=U+3000-303F,U+3400-4DBF,U+4E00-9FFF,U+FF00-FFEF"
          "--output-file=${_assets}/cjk.ttf"
  DEPENDS ${SEGLENS_FONT_CJK_SRC} VERBATIM)
foreach(name latin cjk)
  add_custom_command(OUTPUT "${_assets}/font_${name}.cpp"
    COMMAND ${_py} ${CMAKE_SOURCE_DIR}/cmake/embed.py "${_assets}/${name}.ttf" "${_assets}/font_${name}.cpp" seglens_font_${name}
    DEPENDS "${_assets}/${name}.ttf" ${CMAKE_SOURCE_DIR}/cmake/embed.py VERBATIM)
endforeach()
add_library(seglens_assets STATIC "${_assets}/font_latin.cpp" "${_assets}/font_cjk.cpp")
