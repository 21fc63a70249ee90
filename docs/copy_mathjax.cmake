# cmake -DSOURCE=<MathJax 2 dir> -DDEST=<html>/mathjax -DPARTS=<a;b;...> -P copy_mathjax.cmake
# Copies the parts of MathJax the site uses (TeX input, HTML-CSS output, TeX web fonts:
# 15 MB of the 54 MB package), dereferencing symlinks, into DEST. The copy goes to
# DEST.partial first and is renamed at the end, so an interrupted copy is redone.
foreach(var SOURCE DEST PARTS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "copy_mathjax.cmake: ${var} is not set")
  endif()
endforeach()
set(partial "${DEST}.partial")
file(REMOVE_RECURSE "${partial}" "${DEST}")
foreach(part IN LISTS PARTS)
  get_filename_component(parent "${partial}/${part}" DIRECTORY)
  file(MAKE_DIRECTORY "${parent}")
  execute_process(COMMAND cp -rL "${SOURCE}/${part}" "${parent}/"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "copy_mathjax.cmake: cannot copy ${SOURCE}/${part}")
  endif()
endforeach()
file(RENAME "${partial}" "${DEST}")
