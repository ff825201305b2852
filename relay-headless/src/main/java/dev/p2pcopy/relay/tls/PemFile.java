package dev.p2pcopy.relay.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PEM blocks of a file ({@code -----BEGIN TYPE-----}, base64, {@code -----END TYPE-----}), with whatever text
 * stands around them ignored, as openssl and certbot write them. Failures are IOExceptions whose message is a
 * clause for "The relay could not start: ...".
 */
final class PemFile {

    /**
     * One block.
     *
     * @param type the word between BEGIN and the dashes, e.g. {@code CERTIFICATE} or {@code PRIVATE KEY}
     * @param der the decoded content
     */
    record Block(String type, byte[] der) {}

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private PemFile() {}

    /**
     * Reads every PEM block of a file.
     *
     * @param file the file
     * @param what what the file is, for messages, e.g. {@code TLS certificate file}
     * @return the blocks in file order, possibly none
     * @throws IOException if the file is missing or unreadable, or a block is not valid base64
     */
    static List<Block> read(Path file, String what) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IOException("the " + what + " " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IOException("the " + what + " " + file + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new IOException("the " + what + " " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IOException("the " + what + " " + file + " has a damaged PEM block", e);
            }
        }
        return blocks;
    }
}
