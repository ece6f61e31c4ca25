# Third-party code: SQLite (one amalgamation for both builds), Dear ImGui, header-only libraries.

# Header-only Debian packages are reached through links in a build-local folder, so em++ never sees
# /usr/include (which would pull glibc headers into the wasm build).
set(JIANFU_SYSINC ${CMAKE_BINARY_DIR}/sysinc)
file(MAKE_DIRECTORY ${JIANFU_SYSINC})
foreach(_hdr IN ITEMS nlohmann doctest)
  if(NOT EXISTS /usr/include/${_hdr})
    message(FATAL_ERROR "缺少 /usr/include/${_hdr}（HEADER_MISSING）。请先运行 scripts/setup.sh。")
  endif()
  file(CREATE_LINK /usr/include/${_hdr} ${JIANFU_SYSINC}/${_hdr} SYMBOLIC)
endforeach()
add_library(jianfu_headers INTERFACE)
target_include_directories(jianfu_headers SYSTEM INTERFACE ${JIANFU_SYSINC})

# --- SQLite --------------------------------------------------------------------------------------
# Always optimised, even in Debug trees: the object takes the longest to build and rarely changes.
# -O2 natively; for size in the browser (JIANFU_OPT_FLAG, set by JianfuWeb.cmake).
if(NOT DEFINED JIANFU_OPT_FLAG)
  set(JIANFU_OPT_FLAG -O2)
endif()
add_library(jianfu_sqlite STATIC ${JIANFU_SQLITE_DIR}/sqlite3.c)
target_include_directories(jianfu_sqlite SYSTEM PUBLIC ${JIANFU_SQLITE_DIR})
target_compile_options(jianfu_sqlite PRIVATE ${JIANFU_OPT_FLAG} -w)
target_compile_definitions(jianfu_sqlite PRIVATE
  SQLITE_ENABLE_FTS5=1 SQLITE_DQS=0 SQLITE_OMIT_LOAD_EXTENSION=1 SQLITE_OMIT_DEPRECATED=1
  SQLITE_DEFAULT_FOREIGN_KEYS=1 SQLITE_DEFAULT_WAL_SYNCHRONOUS=2 SQLITE_LIKE_DOESNT_MATCH_BLOBS=1)
if(EMSCRIPTEN)
  # One main thread in the browser; no mmap on MEMFS.
  target_compile_definitions(jianfu_sqlite PRIVATE SQLITE_THREADSAFE=0 SQLITE_MAX_MMAP_SIZE=0)
else()
  find_package(Threads REQUIRED)
  target_link_libraries(jianfu_sqlite PUBLIC Threads::Threads ${CMAKE_DL_LIBS} m)
endif()

# --- Dear ImGui (only for targets that draw) -----------------------------------------------------
set(_im ${JIANFU_IMGUI_DIR})
add_library(jianfu_imgui STATIC
  ${_im}/imgui.cpp ${_im}/imgui_draw.cpp ${_im}/imgui_tables.cpp ${_im}/imgui_widgets.cpp
  ${_im}/imgui_demo.cpp ${_im}/misc/cpp/imgui_stdlib.cpp
  # ImGui draws through ui/gl_renderer.cpp; its OpenGL 3 renderer is built only for the test
  # that compares the two (tests/CMakeLists.txt).
  ${_im}/backends/imgui_impl_glfw.cpp
  # Our implementation of ImGui's item hooks (see imconfig_jianfu.h) lives with the library that
  # calls them, so that static linking resolves them in one pass.
  ${CMAKE_SOURCE_DIR}/ui/item_locator.cpp)
target_include_directories(jianfu_imgui SYSTEM PUBLIC ${_im} ${_im}/backends ${_im}/misc/cpp)
target_include_directories(jianfu_imgui PRIVATE ${CMAKE_SOURCE_DIR})
# Our imconfig: 32-bit ImWchar so that pasted characters above U+FFFF are kept, not replaced.
target_compile_definitions(jianfu_imgui PUBLIC IMGUI_USER_CONFIG="${CMAKE_SOURCE_DIR}/ui/imconfig_jianfu.h")
target_compile_options(jianfu_imgui PRIVATE ${JIANFU_OPT_FLAG} -w)
if(EMSCRIPTEN)
  target_link_options(jianfu_imgui PUBLIC -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sMAX_WEBGL_VERSION=2)
else()
  find_package(OpenGL REQUIRED)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
  target_link_libraries(jianfu_imgui PUBLIC PkgConfig::GLFW3 OpenGL::GL ${CMAKE_DL_LIBS})
endif()
