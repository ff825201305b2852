package dev.p2pcopy.protocol.frame;

/** How the content of a DATA frame is encoded. */
public enum DataCodec {
    /** Content is the file bytes as they are. */
    NONE(0),
    /** Content is one zstd frame that decompresses to exactly rawLength bytes. */
    ZSTD(1);

    private final int code;

    DataCodec(int code) {
        this.code = code;
    }

    /** The codec byte on the wire. */
    public int code() {
        return code;
    }

    /** The codec with wire code {@code code}, or null if unknown. */
    static DataCodec fromCode(int code) {
        for (DataCodec c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
