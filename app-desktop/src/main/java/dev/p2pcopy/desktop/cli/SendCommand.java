package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.relay.RelayChoice;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import java.net.URI;
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
            "Prints a code (on stdout, as 'Code: CODE'); run 'p2p-copy receive' on the other computer and enter it."
        })
final class SendCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(
            names = "--code",
            paramLabel = "CODE",
            arity = "0..1",
            fallbackValue = "",
            description = "Use this code instead of a generated one, e.g. 7-purple-sun-river. Without a value:"
                    + " $" + CodeSource.VARIABLE + " if set, else asked for on the terminal without echo."
                    + " Without --code: $" + CodeSource.VARIABLE + " if set, else a generated code.")
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

    @Option(
            names = "--encrypt",
            paramLabel = "on|off",
            defaultValue = "on",
            description = "Encrypt file data end to end (default: ${DEFAULT-VALUE}). With off, file data crosses"
                    + " the relay in clear; the code exchange, file names and checksums stay protected.")
    private Switch encrypt;

    @Option(
            names = "--follow-symlinks",
            description = "Send what symbolic links point to; by default links are skipped.")
    private boolean followSymlinks;

    @Mixin
    private CommonOptions common;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and folders to send; folders recursively.")
    private List<Path> paths;

    /** The values of an on/off flag; an enum because picocli reads booleans as true/false only. */
    enum Switch {
        ON,
        OFF
    }

    SendCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        String chosen = new CodeSource(env).forSend(code);
        Path trusted = common.trustedCertificate(env);
        if (encrypt == Switch.OFF) {
            env.err()
                    .println(
                            "Encryption is off: file data crosses the relay unencrypted (its integrity is still verified).");
        }
        try (RelayChoice relay = common.chooseRelay(env)) {
            Transfer transfer = P2pCopy.send(paths, options(relay.uri(), chosen, trusted));
            try (TransferWaiter waiter = new TransferWaiter(transfer)) {
                String joined = waiter.await(transfer.code());
                env.out().println("Code: " + joined);
                env.err().println("On the other computer run 'p2p-copy receive' and enter the code.");
                if (transfer.state() == TransferState.WAITING_FOR_PEER) {
                    env.err().println("Waiting for the receiver...");
                }
                TransferResult result = waiter.await(transfer.result());
                env.out().println(Summaries.sent(result));
            }
        }
        return ExitCodes.OK;
    }

    /**
     * The engine's options as the flags give them.
     *
     * @param relay the chosen relay
     * @param chosen the code chosen by the user, or null to have one generated
     * @param trusted the certificate to trust besides the system's, or null
     */
    SendOptions options(URI relay, String chosen, Path trusted) {
        SendOptions.Builder options = SendOptions.builder(relay)
                .code(chosen)
                .compression(compression)
                .encrypt(encrypt == Switch.ON)
                .followSymlinks(followSymlinks)
                .trustedCertificate(trusted)
                .reconnect(common.reconnectPolicy())
                .listener(TransferReporter.forSender(env));
        if (chunkSize != null) {
            options.chunkSize(chunkSize);
        }
        return options.build();
    }
}
