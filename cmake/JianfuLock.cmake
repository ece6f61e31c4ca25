# Reads emsdk.lock (KEY=value lines) into JIANFU_LOCK_<KEY> variables and checks that the sources
# scripts/setup.sh fetched are present and verified. A missing piece stops configuration with a
# message that says what to run.
file(STRINGS ${CMAKE_SOURCE_DIR}/emsdk.lock _lock_lines REGEX "^[A-Z0-9_]+=")
foreach(_line IN LISTS _lock_lines)
  string(FIND "${_line}" "=" _eq)
  string(SUBSTRING "${_line}" 0 ${_eq} _key)
  math(EXPR _from "${_eq} + 1")
  string(SUBSTRING "${_line}" ${_from} -1 _value)
  set(JIANFU_LOCK_${_key} "${_value}")
endforeach()

set(JIANFU_DEPS_DIR ${CMAKE_SOURCE_DIR}/build/deps CACHE PATH "Where scripts/setup.sh put fetched sources")
set(JIANFU_IMGUI_DIR ${JIANFU_DEPS_DIR}/${JIANFU_LOCK_IMGUI_DIR})
set(JIANFU_SQLITE_DIR ${JIANFU_DEPS_DIR}/sqlite-${JIANFU_LOCK_SQLITE_VERSION})

foreach(_dir IN ITEMS ${JIANFU_IMGUI_DIR} ${JIANFU_SQLITE_DIR})
  if(NOT EXISTS ${_dir}/.verified)
    message(FATAL_ERROR "缺少已校验的依赖源码 ${_dir}（DEPS_MISSING）。请先运行 scripts/setup.sh。")
  endif()
endforeach()

if(EMSCRIPTEN)
  if(NOT EMSCRIPTEN_VERSION STREQUAL JIANFU_LOCK_EMSCRIPTEN_VERSION)
    message(FATAL_ERROR "Emscripten 版本为 ${EMSCRIPTEN_VERSION}，emsdk.lock 要求 ${JIANFU_LOCK_EMSCRIPTEN_VERSION}（EMSCRIPTEN_VERSION_MISMATCH）。")
  endif()
endif()
