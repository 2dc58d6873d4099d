#!/bin/sh
# /usr/bin/veu-assess: start the app installed in /opt/veu-assess.
#
# Qt and Python both need a UTF-8 locale: under "C"/"POSIX" or no locale at all (cron, ssh
# without locale forwarding, a bare container) Qt warns on every start and file names with
# Japanese characters cannot be represented. When the character-type locale is not UTF-8,
# switch only LC_CTYPE (and LANG when it is unset) to C.UTF-8, which every glibc since 2.35
# provides; the user's language for messages, dates and numbers is left alone.
ctype="${LC_ALL:-${LC_CTYPE:-${LANG:-}}}"
case "$ctype" in
    *.UTF-8 | *.utf8 | *.UTF8 | *.utf-8) ;;
    *)
        if [ -n "${LC_ALL:-}" ]; then
            LC_ALL=C.UTF-8
            export LC_ALL
        fi
        if [ -z "${LANG:-}" ]; then
            LANG=C.UTF-8
            export LANG
        fi
        LC_CTYPE=C.UTF-8
        export LC_CTYPE
        ;;
esac
exec /opt/veu-assess/veu-assess "$@"
