# Shared by scripts/run and scripts/test: everything a fresh machine needs, installed once.
# Only Python 3.11+ and the system's package manager are assumed.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PARTNERDESK_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"
# The exact versions every install takes (pyproject.toml keeps the ranges): the same commit gives
# the same environment and the same distributable on every machine.
CONSTRAINTS="$ROOT/constraints.txt"
PYINSTALLER="pyinstaller>=6.10,<7"

say() { printf '\033[1mpartnerdesk:\033[0m %s\n' "$*" >&2; }

# Install Debian/Ubuntu packages that are missing, when we may (root or password-less sudo).
apt_install() {
  command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      say "please install these system packages: ${missing[*]}"; return 0; fi
  fi
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

check_python() {
  "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || {
    say "PartnerDesk needs Python 3.11 or newer ($PY is $("$PY" --version 2>&1))."; exit 1; }
}

# Libraries Qt needs to draw, on screen or offscreen.
QT_PACKAGES=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
# Qt's X11 platform plugin (the window on a Linux desktop).
XCB_PACKAGES=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0)

# Create the virtual environment and install PartnerDesk into it (again only when pyproject changed).
ensure_venv() {
  local extra="$1"
  check_python
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    "$PY" -m venv "$VENV" 2>/dev/null || {
      apt_install python3-venv
      "$PY" -m venv "$VENV"
    }
  fi
  local stamp="$VENV/.partnerdesk-installed" want
  want="$(cat "$ROOT/pyproject.toml" "$CONSTRAINTS" | cksum)$extra"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing PartnerDesk and its libraries into $VENV"
    local log="$VENV/install.log"
    # Quiet when it works (the build backend is chatty); the whole log when it does not.
    if ! { "$VENV/bin/python" -m pip install -q --upgrade pip &&
           "$VENV/bin/python" -m pip install -q -c "$CONSTRAINTS" -e "$ROOT$extra"; } >"$log" 2>&1; then
      cat "$log" >&2
      say "installing failed; the log above is also in $log"
      exit 1
    fi
    echo "$want" > "$stamp"
  fi
}
