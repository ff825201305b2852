package dev.p2pcopy.desktop.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Stored paths: only absolute ones come back. */
class AbsolutePathsTest {
    @Test
    void anAbsolutePathComesBack() {
        Path absolute = Path.of("data", "photos").toAbsolutePath();

        assertThat(AbsolutePaths.parse(absolute.toString())).isEqualTo(absolute);
    }

    @Test
    void nullRelativeAndInvalidTextGiveNull() {
        assertThat(AbsolutePaths.parse(null)).isNull();
        assertThat(AbsolutePaths.parse("relative/folder")).isNull();
        assertThat(AbsolutePaths.parse("")).isNull();
        assertThat(AbsolutePaths.parse("/bad\0path")).isNull();
    }
}
