#include <emscripten.h>

#include "tests/unit/time_zone.h"

// Node notices an assignment to process.env.TZ (or its removal) and changes its dates' zone.
TimeZone::TimeZone(const char*, const char* iana) {
  EM_ASM({
    Module.timeZoneBefore = process.env.TZ;
    process.env.TZ = UTF8ToString($0);
  }, iana);
}

TimeZone::~TimeZone() {
  EM_ASM({
    if (Module.timeZoneBefore === undefined) delete process.env.TZ;
    else process.env.TZ = Module.timeZoneBefore;
  });
}
