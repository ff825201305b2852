package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.relay.RelayChoice;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code p2p-copy send}: offers files and folders under a code and streams them to the receiver. */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Sends files and folders to another computer.",
            "Prints a code (on stdout, as 'Code: CODE'); run 'p2p-copy receive CODE' on the other computer."
        })
final class SendCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(
            names = "--code",
            paramLabel = "CODE",
            description = "Use this code instead of a generated one, e.g. 7-purple-sun-river.")
    private String code;

    @Option(
            names = "--chunk-size",
            paramLabel = "SIZE",
            converter = ChunkSizeConverter.class,
            description = "File data per frame: 64k to 16m, in bytes or with k (KiB) or m (MiB) (default: 1m).")
    private Integer chunkSize;

    @Option(
            names = "--compress",
            paramLabel = "MODE",
            defaultValue = "auto",
            description = "auto (zstd where it pays off), zstd or none (default: ${DEFAULT-VALUE}).")
    private Compression compression;

    @Mixin
    private CommonOptions common;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and folders to send; folders recursively.")
    private List<Path> paths;

    SendCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        try (RelayChoice relay = common.chooseRelay(env)) {
            SendOptions.Builder options = SendOptions.builder(relay.uri())
                    .code(code)
                    .compression(compression)
                    .listener(TransferReporter.forSender(env));
            if (chunkSize != null) {
                options.chunkSize(chunkSize);
            }
            Transfer transfer = P2pCopy.send(paths, options.build());
            try (TransferWaiter waiter = new TransferWaiter(transfer)) {
                String joined = waiter.await(transfer.code());
                env.out().println("Code: " + joined);
                env.err().println("On the other computer run: p2p-copy receive " + joined);
                if (transfer.state() == TransferState.WAITING_FOR_PEER) {
                    env.err().println("Waiting for the receiver...");
                }
                TransferResult result = waiter.await(transfer.result());
                env.out().println(Summaries.sent(result));
            }
        }
        return ExitCodes.OK;
    }
}
