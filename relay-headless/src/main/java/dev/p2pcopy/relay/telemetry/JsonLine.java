package dev.p2pcopy.relay.telemetry;

/**
 * Writes one flat JSON object, field by field, in the order given: enough for audit lines and the stats answer,
 * without a JSON library in the relay.
 */
final class JsonLine {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(160).append('{');

    /**
     * Adds a text field; a null value leaves the field out.
     *
     * @param name the field name, a plain ASCII word
     * @param value the value, escaped as needed
     * @return this line
     */
    JsonLine text(String name, String value) {
        if (value != null) {
            name(name);
            quote(value);
        }
        return this;
    }

    /**
     * Adds a number field.
     *
     * @param name the field name, a plain ASCII word
     * @param value the value
     * @return this line
     */
    JsonLine number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** @return the finished object */
    @Override
    public String toString() {
        return out + "}";
    }

    private void name(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(name);
        out.append(':');
    }

    /**
     * Quotes a string. Besides the quote and the backslash, control characters and lone surrogate halves are
     * escaped, so that a hostile value (an X-Forwarded-For header, say) can neither end the line nor make it
     * invalid UTF-8.
     */
    private void quote(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                out.append("\\u")
                        .append(HEX[c >> 12 & 0xf])
                        .append(HEX[c >> 8 & 0xf])
                        .append(HEX[c >> 4 & 0xf])
                        .append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
