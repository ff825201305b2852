package dev.p2pcopy.protocol.code;

import dev.p2pcopy.protocol.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A normalised transfer code, such as {@code 4821-river-orbit-lamp}.
 *
 * <h2>Codes</h2>
 *
 * <p>A code has two parts: the <em>nameplate</em>, everything before the first {@code -} (the
 * whole code if it has no dash), and the secret words after it. Both peers join the relay room
 * {@link #roomId()}, which is derived from the nameplate alone:
 *
 * <pre>roomId = lowercase-hex(SHA-256("p2p-copy/v1/room" || UTF-8(nameplate)))</pre>
 *
 * <p>So the relay learns which two peers belong together but nothing derived from the words: it
 * has nothing to attack offline. The peers then prove to each other that they know the whole
 * code, so a typo in the words meets the sender and fails as a mismatch instead of waiting
 * forever in an empty room. A code a person chooses without any dash is its own nameplate and
 * gets none of that protection from the relay.
 *
 * <p>Both sides normalise a typed code the same way (see {@link #parse}), so {@code " 4821 River
 * orbit--LAMP "} and {@code 4821-river-orbit-lamp} are the same code.
 */
public final class Code {
    /** Longest code accepted, after normalisation. */
    public static final int MAX_LENGTH = 128;

    private static final byte[] ROOM_PREFIX = "p2p-copy/v1/room".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern DASHES = Pattern.compile("-{2,}");
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9-]+");

    private final String value;

    private Code(String value) {
        this.value = value;
    }

    /**
     * Normalises and checks a code as a person typed it: trims it, lower-cases it, turns each run
     * of whitespace into one {@code -}, collapses runs of {@code -} and strips leading and
     * trailing ones. Error messages never repeat the code, which is a secret.
     *
     * @throws IllegalArgumentException if the result is empty, longer than {@value #MAX_LENGTH}
     *     characters, or holds anything but {@code a-z}, {@code 0-9} and {@code -}
     */
    public static Code parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("No code was given.");
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        s = WHITESPACE.matcher(s).replaceAll("-");
        s = DASHES.matcher(s).replaceAll("-");
        int start = s.startsWith("-") ? 1 : 0;
        int end = s.endsWith("-") ? s.length() - 1 : s.length();
        s = start < end ? s.substring(start, end) : "";
        if (s.isEmpty()) {
            throw new IllegalArgumentException("The code is empty.");
        }
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The code is longer than " + MAX_LENGTH + " characters.");
        }
        if (!ALLOWED.matcher(s).matches()) {
            throw new IllegalArgumentException("A code may contain only the letters a-z, digits and dashes.");
        }
        return new Code(s);
    }

    /** The normalised code, e.g. {@code 4821-river-orbit-lamp}. This is the secret: don't log it. */
    public String value() {
        return value;
    }

    /** The part before the first {@code -}, or the whole code if it has none. */
    public String nameplate() {
        int dash = value.indexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    /**
     * The relay room both peers join: lowercase hex of SHA-256 over the ASCII bytes {@code
     * p2p-copy/v1/room} immediately followed by the UTF-8 bytes of the {@link #nameplate()}
     * (64 characters).
     */
    public String roomId() {
        MessageDigest sha256 = Sha256.newDigest();
        sha256.update(ROOM_PREFIX);
        sha256.update(nameplate().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Codes are equal when their normalised values are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Code other && value.equals(other.value);
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Shows the nameplate only, e.g. {@code Code[4821-…]}, so that logs never hold the secret
     * words; a code without a dash is all secret and shows as {@code Code[…]}.
     */
    @Override
    public String toString() {
        return value.indexOf('-') < 0 ? "Code[…]" : "Code[" + nameplate() + "-…]";
    }
}
