package dev.p2pcopy.protocol.resume;

import dev.p2pcopy.protocol.crypto.Sha256;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * A hidden file, {@value #NAME}, in a top-level folder that a transfer is still writing into.
 * It says which offer the folder belongs to (a SHA-256 over the sorted paths of the offer's
 * entries in that folder), so that a later run of the same offer continues in this folder
 * instead of treating it as someone else's and renaming around it.
 */
public final class FolderMarker {
    /** File name of the marker. */
    public static final String NAME = ".p2p-copy-incomplete";

    private static final String TEMP_NAME = NAME + ".tmp";
    private static final int MAX_LENGTH = 1024;

    private FolderMarker() {}

    /**
     * Marks {@code dir} as being written by the offer {@code manifest}, whose top-level folder
     * {@code topName} it receives ({@code dir}'s own name may differ after a rename). Written
     * under a temporary name and renamed, so that the marker is either whole or absent.
     */
    public static void write(Path dir, Manifest manifest, String topName) throws IOException {
        Path temp = dir.resolve(TEMP_NAME);
        Files.write(temp, content(manifest, topName));
        Files.move(temp, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Whether {@code dir} holds the marker that {@link #write} leaves for the same {@code
     * manifest} and {@code topName}: same set of entry paths in that folder. False if there is
     * no marker, or it cannot be read or is not ours.
     */
    public static boolean matches(Path dir, Manifest manifest, String topName) {
        Path marker = dir.resolve(NAME);
        try {
            return Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(marker) <= MAX_LENGTH
                    && Arrays.equals(Files.readAllBytes(marker), content(manifest, topName));
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the marker of {@code dir}, if any: the transfer into it is complete. */
    public static void remove(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(NAME));
    }

    private static byte[] content(Manifest manifest, String topName) {
        TreeSet<String> paths = new TreeSet<>();
        for (ManifestEntry e : manifest.entries()) {
            if (e.path().equals(topName) || e.path().startsWith(topName + "/")) {
                paths.add(e.path());
            }
        }
        MessageDigest sha256 = Sha256.newDigest();
        for (String path : paths) {
            sha256.update(path.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0); // never part of a path
        }
        String text = "p2p-copy-incomplete 1\n" + HexFormat.of().formatHex(sha256.digest()) + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
