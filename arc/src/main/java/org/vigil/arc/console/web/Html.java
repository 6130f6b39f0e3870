package org.vigil.arc.console.web;

/**
 * The one escaping helper: every string that came from a user, a panel or a frame goes through {@link #esc}
 * before it reaches a page, whether in text or in a (double-quoted) attribute.
 */
public final class Html {
    private Html() {}

    public static String esc(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '`' -> "&#96;";
                default -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? "\uFFFD" : null;
            };
            if (rep == null) {
                if (sb != null) sb.append(c);
            } else {
                if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                sb.append(rep);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
