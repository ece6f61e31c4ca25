#!/usr/bin/env bash
# Installs and fetches everything the build needs, on a fresh Debian 12 machine.
# Idempotent: each step checks first and does nothing when its result is already in place.
# Sources land in build/deps (inside the build tree, so a rebuild does not fetch again).
#
#   scripts/setup.sh [--with-browser]   --with-browser also installs what the browser tests need
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPS="$ROOT/build/deps"
LOCK="$ROOT/emsdk.lock"
WITH_BROWSER=0
[[ "${1:-}" == "--with-browser" ]] && WITH_BROWSER=1

say()  { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] 错误 (%s): %s\n' "$1" "$2" >&2; exit 1; }
# A command that fails without its own message still says where, so a failed run can be read.
trap 'rc=$?; [[ $BASH_SUBSHELL -eq 0 ]] && printf "[setup] 错误 (SETUP_STEP_FAILED): scripts/setup.sh 第 %s 行的命令失败（退出码 %s）。\n" "$LINENO" "$rc" >&2' ERR
# No pipeline here ends in a reader that stops early (head -n1, grep -q): under pipefail the writer
# can die of SIGPIPE first, which fails the step at random (1 run in 20 for em++ --version).
lock() { local line; line=$(grep -m1 -E "^$1=" "$LOCK") || return 1; printf '%s\n' "${line#*=}"; }
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || fail SETUP_NEEDS_ROOT "需要 root 权限或 sudo 来安装 Debian 软件包。"
  SUDO="sudo"
fi

# --- 1. Debian packages ------------------------------------------------------------------------
# Pinned ones are installed at the version in emsdk.lock; the rest follow the machine's suite.
PINNED=(
  "emscripten=$(lock EMSCRIPTEN_DEB)"
  "libglfw3-dev=$(lock GLFW_DEB)"
  "nlohmann-json3-dev=$(lock NLOHMANN_JSON_DEB)"
  "doctest-dev=$(lock DOCTEST_DEB)"
  "fonttools=$(lock FONTTOOLS_DEB)"
  "fonts-wqy-microhei=$(lock WQY_MICROHEI_DEB)"
  "unicode-data=$(lock UNICODE_DATA_DEB)"
)
PLAIN=(cmake ninja-build g++ pkg-config libgl-dev xz-utils ca-certificates nodejs npm)
if [[ $WITH_BROWSER -eq 1 ]]; then
  PLAIN+=(chromium xvfb xauth libgl1-mesa-dri imagemagick xdotool)
fi

missing=()
for spec in "${PINNED[@]}"; do
  name=${spec%%=*}; want=${spec#*=}
  have=$(dpkg-query -W -f='${Version}' "$name" 2>/dev/null || true)
  [[ "$have" == "$want" ]] || missing+=("$spec")
done
for name in "${PLAIN[@]}"; do
  # node and npm may come from outside Debian on some machines: accept any working copy.
  if [[ $name == nodejs ]] && command -v node >/dev/null; then continue; fi
  if [[ $name == npm ]] && command -v npm >/dev/null; then continue; fi
  status=$(dpkg-query -W -f='${Status}' "$name" 2>/dev/null || true)
  [[ "$status" == *"install ok installed"* ]] || missing+=("$name")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || fail APT_INSTALL_FAILED "无法安装 Debian 软件包（${missing[*]}）。请检查软件源是否可达，或 emsdk.lock 中的版本是否仍在软件源中。"
else
  say "Debian packages already installed"
fi

em_banner=$(em++ --version 2>/dev/null || true)
have_em=$(sed -nE '1s/.* ([0-9]+\.[0-9]+\.[0-9]+).*/\1/p' <<<"$em_banner")
[[ "$have_em" == "$(lock EMSCRIPTEN_VERSION)" ]] \
  || fail EMSCRIPTEN_VERSION_MISMATCH "em++ 版本为 ${have_em:-无}，emsdk.lock 要求 $(lock EMSCRIPTEN_VERSION)。"

mkdir -p "$DEPS"

check_sha() { # file expected code
  local got; got=$(sha256sum "$1" | cut -d' ' -f1)
  [[ "$got" == "$2" ]] && return 0
  # Only files we downloaded are removed; a system file is left alone.
  [[ "$1" == "$DEPS"/* ]] && rm -f "$1"
  fail "$3" "$(basename "$1") 的 SHA-256 为 $got，应为 $2。如确需升级，请更新 emsdk.lock。"
}

# --- 2. Dear ImGui from Debian's source package (sid) ------------------------------------------
IMGUI_DIR="$DEPS/$(lock IMGUI_DIR)"
if [[ ! -f "$IMGUI_DIR/.verified" ]]; then
  tarball="$DEPS/$(lock IMGUI_ORIG_TARBALL)"
  if [[ ! -f "$tarball" ]]; then
    # apt-get source needs a deb-src entry. Derive it from the machine's own Debian source list so
    # that no host name is written anywhere in the project.
    sources=$(apt-cache showsrc "$(lock IMGUI_SRC_PACKAGE)" 2>/dev/null || true)
    if ! grep -qxF "Version: $(lock IMGUI_SRC_VERSION)" <<<"$sources"; then
      list=/etc/apt/sources.list.d/debian.sources
      uri=$(awk '/^URIs:/{print $2; exit}' "$list" 2>/dev/null || true)
      key=$(awk '/^Signed-By:/{print $2; exit}' "$list" 2>/dev/null || true)
      if [[ -z "$uri" && -f /etc/apt/sources.list ]]; then
        uri=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if($i ~ /^[a-z]+:\/\//){print $i; exit}}' /etc/apt/sources.list)
      fi
      [[ -n "$uri" ]] || fail NO_DEBIAN_SOURCE "找不到本机的 Debian 软件源地址，无法获取 ImGui 源码包。"
      say "adding a deb-src entry (suite sid) for the ImGui source package"
      {
        echo "Types: deb-src"; echo "URIs: $uri"; echo "Suites: sid"; echo "Components: main"
        [[ -n "$key" ]] && echo "Signed-By: $key"
      } | $SUDO tee /etc/apt/sources.list.d/jianfu-sid-src.sources >/dev/null
      $SUDO apt-get update -qq
    fi
    say "downloading $(lock IMGUI_SRC_PACKAGE) $(lock IMGUI_SRC_VERSION) source"
    (cd "$DEPS" && apt-get source --download-only -qq "$(lock IMGUI_SRC_PACKAGE)=$(lock IMGUI_SRC_VERSION)" 2>&1 | grep -v "unsandboxed" || true)
    [[ -f "$tarball" ]] || fail IMGUI_DOWNLOAD_FAILED "无法下载 ImGui 源码包 $(lock IMGUI_SRC_VERSION)。请检查软件源（sid 源码）是否可达。"
  fi
  check_sha "$tarball" "$(lock IMGUI_ORIG_SHA256)" IMGUI_CHECKSUM_MISMATCH
  rm -rf "$IMGUI_DIR"
  tar -xJf "$tarball" -C "$DEPS"
  [[ -f "$IMGUI_DIR/imgui.cpp" ]] || fail IMGUI_LAYOUT "ImGui 源码包中没有 imgui.cpp。"
  touch "$IMGUI_DIR/.verified"
  say "ImGui sources ready in $IMGUI_DIR"
else
  say "ImGui sources already verified"
fi

# --- 3. SQLite amalgamation from an npm tarball ------------------------------------------------
SQLITE_DIR="$DEPS/sqlite-$(lock SQLITE_VERSION)"
if [[ ! -f "$SQLITE_DIR/.verified" ]]; then
  tgz="$DEPS/$(lock SQLITE_NPM_TARBALL)"
  if [[ ! -f "$tgz" ]]; then
    say "fetching $(lock SQLITE_NPM_PACKAGE) (for its SQLite amalgamation)"
    (cd "$DEPS" && npm pack --silent "$(lock SQLITE_NPM_PACKAGE)" >/dev/null) \
      || fail SQLITE_DOWNLOAD_FAILED "无法从 npm 获取 $(lock SQLITE_NPM_PACKAGE)。请检查 npm 源是否可达。"
  fi
  check_sha "$tgz" "$(lock SQLITE_NPM_SHA256)" SQLITE_TARBALL_CHECKSUM_MISMATCH
  rm -rf "$SQLITE_DIR" "$DEPS/package"
  tar -xzf "$tgz" -C "$DEPS" package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h
  mkdir -p "$SQLITE_DIR"
  mv "$DEPS/package/deps/sqlite3/sqlite3.c" "$DEPS/package/deps/sqlite3/sqlite3.h" "$SQLITE_DIR/"
  rm -rf "$DEPS/package"
  check_sha "$SQLITE_DIR/sqlite3.c" "$(lock SQLITE_C_SHA256)" SQLITE_CHECKSUM_MISMATCH
  touch "$SQLITE_DIR/.verified"
  say "SQLite $(lock SQLITE_VERSION) amalgamation ready in $SQLITE_DIR"
else
  say "SQLite amalgamation already verified"
fi

# --- 4. The font the builds use ----------------------------------------------------------------
check_sha /usr/share/fonts/truetype/wqy/wqy-microhei.ttc "$(lock WQY_MICROHEI_TTC_SHA256)" FONT_CHECKSUM_MISMATCH

# --- 5. npm packages for the Node-run tests (browser, schema) ----------------------------------
# Installed again whenever package-lock.json changes (a stamp keeps its checksum).
if [[ $WITH_BROWSER -eq 1 ]]; then
  dir="$ROOT/tests/browser"
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [[ "$(cat "$dir/node_modules/.jianfu-lock" 2>/dev/null)" != "$want" ]]; then
    say "installing test packages (npm ci, from package-lock.json)"
    (cd "$dir" && npm ci --silent --no-audit --no-fund) || fail NPM_CI_FAILED "无法安装测试所需的 npm 包。"
    echo "$want" > "$dir/node_modules/.jianfu-lock"
  fi
fi
say "done"
