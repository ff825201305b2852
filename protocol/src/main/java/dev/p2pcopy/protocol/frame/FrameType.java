package dev.p2pcopy.protocol.frame;

/**
 * Frame types of protocol v1 with their wire code and the largest payload each may carry. The
 * bounds are checked before a payload is parsed, so a hostile peer cannot make us allocate
 * more than they allow.
 */
public enum FrameType {
    /** Version and capabilities, both directions, first frame. */
    HELLO(0x01, 4 * 1024),
    /** The sender's list of entries. */
    MANIFEST(0x02, 16 * 1024 * 1024),
    /** The receiver's decision, with resume offsets and its first credit. */
    ACCEPT(0x03, 16 * 1024 * 1024),
    /** A piece of file content (binary payload, see {@link DataFrame}). */
    DATA(0x04, DataFrame.HEADER_BYTES + DataFrame.MAX_DATA_BYTES),
    /** End of one file with its SHA-256. */
    FILE_END(0x05, 1024),
    /** The receiver's progress and new credit. */
    ACK(0x06, 1024),
    /** A failure, either direction; ends the session. */
    ERROR(0x07, 8 * 1024),
    /** All files sent (sender) or all committed (receiver). */
    DONE(0x08, 1024),
    /** EC-J-PAKE round 1, both directions. */
    PAKE1(0x09, 2048),
    /** EC-J-PAKE round 2, both directions. */
    PAKE2(0x0a, 2048),
    /** EC-J-PAKE round 3 (key confirmation), both directions. */
    PAKE3(0x0b, 1024),
    /** This side's resource figures for the peer's node view, both directions, about every two seconds. */
    STATS(0x0c, 1024);

    private static final FrameType[] BY_CODE = new FrameType[256];

    static {
        for (FrameType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int maxPayload;

    FrameType(int code, int maxPayload) {
        this.code = code;
        this.maxPayload = maxPayload;
    }

    /** The type byte on the wire. */
    public int code() {
        return code;
    }

    /** Largest payload, in bytes, a frame of this type may have. */
    public int maxPayload() {
        return maxPayload;
    }

    /**
     * Whether frames of this type may travel unsealed before the keys exist: HELLO, the PAKE
     * rounds and ERROR. Every other frame is sealed (DATA may be clear when the sender chose so).
     */
    public boolean isHandshake() {
        return this == HELLO || this == PAKE1 || this == PAKE2 || this == PAKE3 || this == ERROR;
    }

    /** The type for a wire code, or null if v1 defines none. */
    static FrameType fromCode(int code) {
        return BY_CODE[code & 0xff];
    }
}
