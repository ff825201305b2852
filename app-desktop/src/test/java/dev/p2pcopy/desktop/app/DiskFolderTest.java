package dev.p2pcopy.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.OfferHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class DiskFolderTest {
    @RegisterExtension
    static final LoopbackRelay RELAY = new LoopbackRelay();

    @TempDir
    Path home;

    @Test
    void followsTheRunningTransfersFolderAndFallsBackToTheDownloadFolder(FxRobot robot) throws Exception {
        TestApp app = new TestApp(RELAY.url(), home);
        AtomicReference<Path> reported = new AtomicReference<>();
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        try {
            robot.interact(() -> DiskFolder.follow(app.context.settings(), app.context.transfers(), reported::set));
            assertThat(reported.get()).isEqualTo(app.downloads);

            TransferItem[] receiving = new TransferItem[1];
            robot.interact(() -> receiving[0] =
                    app.context.transfers().receive("7-ant-cat-elbow", elsewhere, OfferHandler.ACCEPT_ALL));
            assertThat(reported.get()).as("a receive into another folder").isEqualTo(elsewhere);

            robot.interact(() -> app.context.transfers().cancel(receiving[0]));
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> receiving[0].stateProperty().get().isTerminal());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(reported.get()).as("nothing runs").isEqualTo(app.downloads);

            Path moved = Files.createDirectories(home.resolve("new-downloads"));
            robot.interact(() -> app.context.settings().downloadFolderProperty().set(moved));
            assertThat(reported.get()).isEqualTo(moved);
        } finally {
            robot.interact(app.context::close);
        }
    }
}
