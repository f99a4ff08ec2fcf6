package org.diffold.lab.report;

/** HTML escaping for text and attribute values. */
public final class Html {

    private Html() {
    }

    /**
     * Escapes {@code & < > " '} so that the text is safe both as element content and inside a quoted attribute.
     *
     * @param text raw text; null becomes the empty string
     * @return the escaped text
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
