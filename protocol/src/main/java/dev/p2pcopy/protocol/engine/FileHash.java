package dev.p2pcopy.protocol.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The whole-file hash of protocol v1 (SHA-256, lowercase hex in FILE_END), for both ends. */
final class FileHash {
    private FileHash() {}

    /** A fresh SHA-256 digest. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Finishes {@code digest} and renders it as FILE_END carries it. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
