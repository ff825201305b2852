package dev.p2pcopy.protocol.message;

/**
 * FILE_END: the sender has sent every piece of a file.
 *
 * @param fileIndex manifest index
 * @param sha256 lowercase hex SHA-256 of the whole file
 * @param mac lowercase hex HMAC-SHA256 of the index and hash under the session's hash key
 */
public record FileEnd(int fileIndex, String sha256, String mac) {
    /** Validates the fields. */
    public FileEnd {
        Checks.require(fileIndex >= 0, "FILE_END names a negative file index.");
        Checks.require(sha256 != null && sha256.matches("[0-9a-f]{64}"), "FILE_END carries no valid SHA-256.");
        Checks.require(mac != null && mac.matches("[0-9a-f]{64}"), "FILE_END carries no valid MAC.");
    }
}
