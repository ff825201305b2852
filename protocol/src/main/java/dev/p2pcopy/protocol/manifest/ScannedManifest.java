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
 * @param skipped entries left out, with the reason: symbolic links that are not followed, broken
 *     ones, links back into a folder that contains them, and special files such as sockets or
 *     devices, whose content cannot be sent
 */
public record ScannedManifest(Manifest manifest, List<Path> sources, List<SkippedEntry> skipped) {

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
        skipped = List.copyOf(skipped);
    }
}
