# Run with: cmake -DOUT=<file.cpp> -DKIND=pack|list -DHEADER=<header> -DNS=<namespace>
#                 -DDEFAULTS="national" -P EmbedPacks.cmake <file.json>...
# Writes a C++ file holding built-in data packs as string literals, keyed by file name, with the
# functions builtin_<KIND>_ids(), builtin_<KIND>_text(id) and default_<KIND>_ids().
set(_ids "")
set(_defs "")
math(EXPR _last "${CMAKE_ARGC} - 1")
foreach(_i RANGE 0 ${_last})
  set(_arg "${CMAKE_ARGV${_i}}")
  if(_arg MATCHES "\\.json$")
    get_filename_component(_id "${_arg}" NAME_WE)
    file(READ "${_arg}" _text)
    string(FIND "${_text}" ")JFPACK\"" _bad)
    if(NOT _bad EQUAL -1)
      message(FATAL_ERROR "${_arg} contains the raw-string delimiter")
    endif()
    string(MAKE_C_IDENTIFIER "${_id}" _cid)
    string(APPEND _defs "const std::string kPack_${_cid} = R\"JFPACK(${_text})JFPACK\";\n")
    list(APPEND _ids "${_id}")
  endif()
endforeach()
set(_table "")
foreach(_id IN LISTS _ids)
  string(MAKE_C_IDENTIFIER "${_id}" _cid)
  string(APPEND _table "    {\"${_id}\", &kPack_${_cid}},\n")
endforeach()
set(_defaults "")
foreach(_d IN LISTS DEFAULTS)
  string(APPEND _defaults "\"${_d}\", ")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from assets/packs by cmake/EmbedPacks.cmake. Do not edit.
#include <map>
#include <string>
#include <vector>

#include \"${HEADER}\"

namespace ${NS} {
namespace {
${_defs}
const std::map<std::string, const std::string*>& table() {
  static const std::map<std::string, const std::string*> t = {
${_table}  };
  return t;
}
}  // namespace

std::vector<std::string> builtin_${KIND}_ids() {
  std::vector<std::string> ids;
  for (const auto& [id, text] : table()) ids.push_back(id);
  return ids;
}

const std::string* builtin_${KIND}_text(const std::string& id) {
  const auto it = table().find(id);
  return it == table().end() ? nullptr : it->second;
}

std::vector<std::string> default_${KIND}_ids() { return {${_defaults}}; }

}  // namespace ${NS}
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
