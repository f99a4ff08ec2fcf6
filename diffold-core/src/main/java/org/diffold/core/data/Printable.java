package org.diffold.core.data;

/**
 * Makes text from files or arguments safe to echo in a one-line error: control characters (C0, DEL, C1, line and
 * paragraph separators) become {@code \xNN} or backslash-u escapes, so a binary file cannot move the cursor,
 * change colours or split the line; long text is cut with an ellipsis.
 */
public final class Printable {
    /** Longest echoed fragment, in characters, before it is cut. */
    public static final int MAX = 120;

    private Printable() {}

    /** {@code s} with control characters escaped and cut to {@value #MAX} characters. */
    public static String of(String s) {
        return of(s, MAX);
    }

    /** {@code s} with control characters escaped and cut to {@code max} characters (plus "..."). */
    public static String of(String s, int max) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length(); i++) {
            if (b.length() >= max) {
                b.append("...");
                break;
            }
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) b.append(String.format("\\x%02x", (int) c));
            else if ((c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029 || c == 0xFFFD || Character.isSurrogate(c)
                    && !validSurrogate(s, i)) {
                b.append(String.format("\\u%04x", (int) c));
            } else b.append(c);
        }
        return b.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** True if {@code s} has no character that {@link #of} would escape. */
    public static boolean isClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) return false;
        }
        return true;
    }
}
