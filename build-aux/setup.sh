# build-aux/setup.sh: sourced by run-tandem and run-tests.
#
# Installs whatever Debian 12 packages the build and the tests need and
# are missing (with sudo when not root), then configures and builds Tandem
# in _build.  Safe to run again: it only installs what is missing and
# only reconfigures when asked for other options.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$TOP/_build"

PACKAGES=(
  # build
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev libcairo2-dev
  # data files and help, and their validators
  desktop-file-utils appstream libxml2-utils yelp-tools itstool shared-mime-info
  # what the window needs to look right
  adwaita-icon-theme hicolor-icon-theme fonts-dejavu-core librsvg2-common
  # headless UI tests
  xvfb xauth
)

install_missing_packages () {
  local missing=()
  local pkg

  for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done

  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)

  echo "Installing ${#missing[@]} missing packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# configure_and_build [meson options...]
configure_and_build () {
  if [ -f "$BUILD/build.ninja" ]; then
    meson configure "$BUILD" "$@" >/dev/null
  else
    meson setup "$BUILD" "$TOP" "$@" >/dev/null
  fi
  ninja -C "$BUILD"
}
