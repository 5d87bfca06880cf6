#!/bin/sh
# The adapter itself: Debian lldb-15 package's DAP server on stdio.
exec /usr/bin/lldb-vscode-15 "$@"
