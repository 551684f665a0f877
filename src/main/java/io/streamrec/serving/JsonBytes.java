package io.streamrec.serving;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 buffer that JSON is written into, one per HTTP thread and reused for every
 * answer it renders, writing text exactly as the app's Jackson mapper does: strings escaped as
 * Jackson escapes them (quote and backslash after a backslash, backspace, tab, newline, form feed
 * and carriage return in their short forms, other control characters as four-digit unicode
 * escapes, everything else as is), doubles as {@link Double#toString} (non-finite ones quoted),
 * no whitespace.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<JsonBytes> PER_THREAD = ThreadLocal.withInitial(JsonBytes::new);

    private byte[] bytes = new byte[4096];
    private int length;
    /** Doubles are formatted into this; {@code StringBuilder.append(double)} allocates nothing. */
    private final StringBuilder number = new StringBuilder(32);

    /** This thread's buffer, emptied: valid until this thread renders its next answer. */
    static JsonBytes forThisThread() {
        JsonBytes out = PER_THREAD.get();
        out.length = 0;
        return out;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** ASCII text written as it is: punctuation and field names. */
    JsonBytes raw(String ascii) {
        return ascii(ascii);
    }

    /** {@code "name":} */
    JsonBytes name(String ascii) {
        return raw("\"").raw(ascii).raw("\":");
    }

    /** A string given as {@code count} bytes of UTF-8 at {@code offset}, quoted and escaped. */
    JsonBytes string(byte[] utf8, int offset, int count) {
        ensure(count + 2);
        bytes[length++] = '"';
        for (int i = offset; i < offset + count; i++) {
            byte b = utf8[i];
            if (b >= 0 && (b < 0x20 || b == '"' || b == '\\')) {
                escape(b);
            } else {
                ensure(1);
                bytes[length++] = b;
            }
        }
        ensure(1);
        bytes[length++] = '"';
        return this;
    }

    JsonBytes number(long value) {
        number.setLength(0);
        number.append(value);
        return ascii(number);
    }

    JsonBytes number(double value) {
        number.setLength(0);
        number.append(value);
        if (!Double.isFinite(value)) {
            return raw("\"").ascii(number).raw("\"");
        }
        return ascii(number);
    }

    JsonBytes bool(boolean value) {
        return raw(value ? "true" : "false");
    }

    private JsonBytes ascii(CharSequence text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    private void escape(byte b) {
        ensure(6);
        bytes[length++] = '\\';
        switch (b) {
            case '"', '\\' -> bytes[length++] = b;
            case '\b' -> bytes[length++] = 'b';
            case '\t' -> bytes[length++] = 't';
            case '\n' -> bytes[length++] = 'n';
            case '\f' -> bytes[length++] = 'f';
            case '\r' -> bytes[length++] = 'r';
            default -> {
                bytes[length++] = 'u';
                bytes[length++] = '0';
                bytes[length++] = '0';
                bytes[length++] = HEX[b >> 4];
                bytes[length++] = HEX[b & 0xF];
            }
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}
