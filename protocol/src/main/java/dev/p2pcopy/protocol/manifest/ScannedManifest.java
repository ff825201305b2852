package dev.p2pcopy.protocol.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link ManifestScanner} found on the sender's disk.
 *
 * @param manifest the entries to offer, in sending order
 * @param sources the local file for each manifest entry: {@code sources.get(i)} belongs to
 *     entry {@code i}, and is {@code null} for directory entries
 * @param skippedLinks entries left out: symbolic links (never followed) and special files such
 *     as sockets or devices, whose content cannot be sent; for the user to be warned about
 */
public record ScannedManifest(Manifest manifest, List<Path> sources, List<Path> skippedLinks) {

    /**
     * Copies the lists so the result stays immutable ({@code sources} may hold {@code null}).
     *
     * @throws IllegalArgumentException if {@code sources} does not have one element per entry
     */
    public ScannedManifest {
        if (sources.size() != manifest.entries().size()) {
            throw new IllegalArgumentException("There must be one source per manifest entry.");
        }
        sources = Collections.unmodifiableList(new ArrayList<>(sources));
        skippedLinks = List.copyOf(skippedLinks);
    }
}
