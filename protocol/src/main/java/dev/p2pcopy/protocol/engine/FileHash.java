package dev.p2pcopy.protocol.engine;

import java.security.MessageDigest;
import java.util.HexFormat;

/** The whole-file hash of protocol v1 (SHA-256, lowercase hex in FILE_END), for both ends. */
final class FileHash {
    private FileHash() {}

    /** Finishes {@code digest} and renders it as FILE_END carries it. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
