# Sourced by the bench scripts: sets JAVA to a java >= 21 (JAVA_HOME, PATH, then /usr/lib/jvm) or exits 2 naming $1.
JAVA=""
for j in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] || continue
  v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then JAVA="$j"; break; fi
done
[ -n "$JAVA" ] || { echo "$1: needs a JDK >= 21 (set JAVA_HOME)" >&2; exit 2; }
