#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the console's browser test, if they are not
# there yet. Run by .ci/run (and usable by hand; the tests never install anything); needs root or sudo and apt.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "chromium and chromedriver are installed"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "cannot install chromium: no apt-get on this machine" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "cannot install chromium: not root and no password-less sudo" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "installing chromium and chromium-driver from Debian's packages"
$SUDO apt-get install -y -q chromium chromium-driver || { $SUDO apt-get update -q && $SUDO apt-get install -y -q chromium chromium-driver; }
