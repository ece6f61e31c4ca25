# Emscripten build settings, hidden behind two helper functions:
#   jianfu_web_app(TARGET SHELL <html> [PRELOAD <dir>@<mount>]...)  the page (app.js + app.wasm + our HTML)
#   jianfu_web_page_options(TARGET)                                 link options of every edition of the page
#   jianfu_node_program(TARGET)                                     a program run under Node (CLI, tests)

# em++ runs Node for its JS passes; Debian's emscripten finds its modules (acorn) only through
# NODE_PATH. Setting it in a launcher keeps a bare `cmake --build` working in any shell.
set(_node_env ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
foreach(_lang IN ITEMS C CXX)
  set(CMAKE_${_lang}_COMPILER_LAUNCHER ${_node_env})
  set(CMAKE_${_lang}_LINKER_LAUNCHER ${_node_env})
endforeach()

# Exceptions are off by default in emscripten 3.1.6: `throw` aborts and `catch` never runs.
# nlohmann/json and our own error paths rely on them, so every object and every link enables them,
# as WebAssembly's own exceptions. Emscripten's other kind (-fexceptions) routes every call that a
# destructor must outlive through a JavaScript trampoline: building a frame of the assessment
# screen took 2.8 ms against 2.1 ms, and app.wasm was 261 KB larger, 33 KB gzipped
# (docs/BENCHMARKS.md). The cost
# is the browsers that run the page: those since 2021 (Chrome and Edge 95, Firefox 100, Safari
# 15.2); web/js/boot.js tells an older one's user so.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions -sALLOW_MEMORY_GROWTH=1)

# Size before speed in the browser: every cold start downloads and compiles the whole wasm. Objects
# are compiled -Oz (SQLite and ImGui too, JianfuDeps.cmake), except the engine, which runs on every
# keystroke (-O2, core/CMakeLists.txt). The link (binaryen) stays -O3: a 4,000-character check takes
# 1.4 ms linked -O3, 2.8 ms at -O2 and 5.8 ms at -Oz, for 90 and 170 KB less wasm.
set(JIANFU_OPT_FLAG -Oz)
set(CMAKE_C_FLAGS_RELEASE "-DNDEBUG")
set(CMAKE_CXX_FLAGS_RELEASE "-DNDEBUG")
add_compile_options($<$<CONFIG:Release>:-Oz>)
add_link_options($<$<CONFIG:Release>:-O3>)

# CTest runs wasm programs through Node. --no-experimental-fetch: Node 20's fetch cannot load a
# file path, which the generated loader would otherwise try.
find_program(JIANFU_NODE node REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${JIANFU_NODE};--no-experimental-fetch)

function(jianfu_node_program target)
  # NODERAWFS: the program sees the real file system (golden files, packs, stdin/stdout).
  # EXIT_RUNTIME: the process exit code is the program's.
  target_link_options(${target} PRIVATE -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sENVIRONMENT=node)
  set_target_properties(${target} PROPERTIES SUFFIX ".js")
endfunction()

# What every edition of the page links with (the site and the single file):
# - GL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0: emscripten would otherwise enable every extension the
#   browser offers when the context is made (33-72 ms of the first frame here); the ImGui renderer
#   needs none of them on WebGL2.
# - GL_PREINITIALIZED_CONTEXT: the page makes its WebGL context itself, with preserveDrawingBuffer
#   (web/main_web.cpp), and GLFW takes it over.
function(jianfu_web_page_options target)
  target_link_options(${target} PRIVATE
    -sENVIRONMENT=web -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_PREINITIALIZED_CONTEXT=1
    "-sEXPORTED_RUNTIME_METHODS=[FS,addRunDependency,removeRunDependency,ccall,UTF8ToString]")
endfunction()

function(jianfu_web_app target)
  cmake_parse_arguments(ARG "" "SHELL;OUTPUT_DIR" "PRELOAD;EXPORTS" ${ARGN})
  set_target_properties(${target} PROPERTIES OUTPUT_NAME app SUFFIX ".js"
                        RUNTIME_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIR})
  list(JOIN ARG_EXPORTS "," _exports)
  jianfu_web_page_options(${target})
  target_link_options(${target} PRIVATE "-sEXPORTED_FUNCTIONS=[_main${_exports}]")
  foreach(_p IN LISTS ARG_PRELOAD)
    target_link_options(${target} PRIVATE "SHELL:--preload-file ${_p}")
  endforeach()
  # Our own HTML shell (em++ 3.1.6 crashes when asked to emit .html itself). A step of its own, not
  # a post-link one, so that an edited shell is copied without relinking (and always copied).
  add_custom_command(OUTPUT ${ARG_OUTPUT_DIR}/index.html
    COMMAND ${CMAKE_COMMAND} -E make_directory ${ARG_OUTPUT_DIR}
    COMMAND ${CMAKE_COMMAND} -E copy ${ARG_SHELL} ${ARG_OUTPUT_DIR}/index.html
    DEPENDS ${ARG_SHELL})
  add_custom_target(${target}_page ALL DEPENDS ${ARG_OUTPUT_DIR}/index.html)
endfunction()
