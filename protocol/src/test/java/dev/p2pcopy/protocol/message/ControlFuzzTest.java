package dev.p2pcopy.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.fuzz.Fuzz;
import dev.p2pcopy.protocol.fuzz.MessageTypes;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import dev.p2pcopy.protocol.manifest.SafePaths;
import dev.p2pcopy.protocol.manifest.UnsafePathException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds random and mutated JSON to {@link ControlCodec#decode} for every control frame type:
 * valid messages with fields removed, values of the wrong type, huge numbers, deep nesting,
 * duplicate and unknown keys, broken text. A {@link ProtocolException} is the only thing that
 * may come out, and a manifest that decodes yields only {@link UnsafePathException}s from the
 * path checks. See {@link Fuzz} for other seeds and more cases.
 */
@Timeout(120)
class ControlFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "@@raw@@";

    /** JSON values that trouble number parsers, depth limits and string handling. */
    private static final String[] RAW_VALUES = {
        "1e400",
        "-1e400",
        "1e-400",
        "99999999999999999999",
        "-9223372036854775809",
        "9223372036854775808",
        "2147483648",
        "-2147483649",
        "1" + "0".repeat(40),
        "0.5",
        "-0",
        "1E2",
        "NaN",
        "Infinity",
        "-Infinity",
        "0x10",
        "00",
        "tru",
        "nul",
        "\"\\ud800\"",
        "\"\\u0000\"",
        "\"\\uDBFF\\uDFFF\"",
        "[]",
        "{}",
        "[null]",
        "[" + "[".repeat(64) + "]".repeat(64) + "]",
        "{\"a\":".repeat(40) + "1" + "}".repeat(40),
        "\"" + "x".repeat(70_000) + "\"",
        "[" + "1,".repeat(5_000) + "1]",
        "\"../../etc/passwd\"",
        "\"C:\\\\x\"",
        "\"con\"",
        "\"a\\u202eb\"",
        "\"DIR\"",
        "\"FILE\"",
        "\"LINK\"",
        "\"send\"",
        "\"receive\"",
        "\"zstd\""
    };

    /** Text-level breakage applied after the JSON is built. */
    private static final String[] PREFIXES = {"\uFEFF", " ", "[", "{", "//c\n", "/*c*/", "null ", "\u0000"};

    @Test
    void everySampleIsAValidMessage() throws ProtocolException {
        for (Map.Entry<FrameType, String> sample : MessageTypes.samples().entrySet()) {
            Class<?> type = MessageTypes.of(sample.getKey());
            assertThat(ControlCodec.decode(
                            frame(sample.getKey(), sample.getValue().getBytes(StandardCharsets.UTF_8)), type))
                    .isInstanceOf(type);
        }
    }

    @Test
    void mutatedMessages() {
        List<FrameType> types = new ArrayList<>(MessageTypes.samples().keySet());
        Fuzz.Allocation meter = Fuzz.Allocation.meter();
        int[] accepted = new int[1];
        Fuzz.run("control-mutated", 12_000, (random, i) -> {
            FrameType type = types.get(random.nextInt(types.size()));
            byte[] payload = mutatedJson(random, MessageTypes.samples().get(type));
            // Now and then the message arrives in a frame of another type.
            FrameType carrier = random.nextInt(20) == 0 ? types.get(random.nextInt(types.size())) : type;
            if (decode(meter, carrier, payload)) {
                accepted[0]++;
            }
        });
        if (!Fuzz.replaying()) {
            assertThat(accepted[0]).as("mutants that still decode").isGreaterThan(Fuzz.cases(12_000) / 50);
        }
    }

    @Test
    void randomPayloads() {
        List<FrameType> types = new ArrayList<>(MessageTypes.samples().keySet());
        Fuzz.Allocation meter = Fuzz.Allocation.meter();
        Fuzz.run("control-random", 4_000, (random, i) -> {
            byte[] payload = random.nextBoolean()
                    ? Fuzz.randomBytes(random, 256)
                    : randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
            decode(meter, types.get(random.nextInt(types.size())), payload);
        });
    }

    /** Decodes one payload; returns whether it was accepted. */
    private static boolean decode(Fuzz.Allocation meter, FrameType type, byte[] payload) {
        Class<?> messageType = MessageTypes.of(type);
        // Jackson builds strings and records from the payload: a multiple of its size, never of a claimed size.
        return meter.within(512 * 1024 + 32L * payload.length, () -> type + " payload " + Fuzz.show(payload), () -> {
            try {
                Object message = ControlCodec.decode(frame(type, payload), messageType);
                assertThat(message).isInstanceOf(messageType);
                if (message instanceof Manifest manifest) {
                    checkPaths(manifest);
                }
                return true;
            } catch (ProtocolException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                return false;
            } catch (RuntimeException | Error e) {
                throw new AssertionError(type + " payload " + Fuzz.show(payload) + " threw " + e, e);
            }
        });
    }

    /** What the receiver does with a decoded manifest: only UnsafePathException may come out. */
    private static void checkPaths(Manifest manifest) {
        List<String> paths = new ArrayList<>();
        for (ManifestEntry entry : manifest.entries()) {
            try {
                paths.add(SafePaths.check(entry.path()));
            } catch (UnsafePathException refused) {
                assertThat(refused.getMessage()).startsWith("The path ");
            }
        }
        try {
            SafePaths.checkNoCaseCollisions(paths);
        } catch (UnsafePathException refused) {
            assertThat(refused.getMessage()).contains("names the same file");
        }
    }

    private static byte[] mutatedJson(Random random, String sample) throws IOException {
        JsonNode tree = JSON.readTree(sample);
        List<String> raws = new ArrayList<>();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            mutateTree(random, tree, raws);
        }
        String text = JSON.writeValueAsString(tree);
        for (String raw : raws) {
            text = text.replaceFirst("\"" + RAW + "\"", Matcher.quoteReplacement(raw));
        }
        text = mutateText(random, text);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return random.nextInt(5) == 0 ? Fuzz.mutate(random, bytes) : bytes;
    }

    /** One change somewhere in the tree: a field removed, retyped, added, an array grown or emptied. */
    private static void mutateTree(Random random, JsonNode root, List<String> raws) {
        ContainerNode<?> target = randomContainer(random, root);
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, randomValue(random, raws));
                case 2 -> object.set("unknown" + random.nextInt(3), randomValue(random, raws));
                default -> object.putNull(name);
            }
        } else if (target instanceof ArrayNode array) {
            switch (random.nextInt(4)) {
                case 0 -> array.removeAll();
                case 1 -> array.add(randomValue(random, raws));
                case 2 -> {
                    if (!array.isEmpty()) {
                        JsonNode first = array.get(0);
                        for (int k = random.nextInt(200); k > 0; k--) {
                            array.add(first.deepCopy());
                        }
                    }
                }
                default -> {
                    if (!array.isEmpty()) {
                        array.set(random.nextInt(array.size()), randomValue(random, raws));
                    }
                }
            }
        }
    }

    private static ContainerNode<?> randomContainer(Random random, JsonNode root) {
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(root, containers);
        return containers.get(random.nextInt(containers.size()));
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> into) {
        if (node instanceof ContainerNode<?> container) {
            into.add(container);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), into);
            }
        }
    }

    private static JsonNode randomValue(Random random, List<String> raws) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(Fuzz.interesting(random));
            case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 4 -> NODES.textNode(randomText(random));
            case 5 -> NODES.arrayNode().add(randomText(random));
            case 6 -> NODES.objectNode().put("path", randomText(random));
            default -> {
                raws.add(RAW_VALUES[random.nextInt(RAW_VALUES.length)]);
                yield NODES.textNode(RAW);
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x110000) : 0x20 + random.nextInt(0x5f));
        }
        return text.toString();
    }

    /** Duplicate keys, prefixes, truncation and trailing tokens on the JSON text. */
    private static String mutateText(Random random, String text) {
        return switch (random.nextInt(8)) {
            case 0 -> duplicateFirstKey(text);
            case 1 -> PREFIXES[random.nextInt(PREFIXES.length)] + text;
            case 2 -> text.substring(0, random.nextInt(text.length() + 1));
            case 3 -> text + (random.nextBoolean() ? " {}" : ",");
            default -> text;
        };
    }

    private static String duplicateFirstKey(String text) {
        int colon = text.indexOf(':');
        int comma = text.indexOf(',', colon);
        if (!text.startsWith("{\"") || colon < 0 || comma < 0) {
            return text;
        }
        return "{" + text.substring(1, comma + 1) + text.substring(1);
    }

    /** Random JSON, nested up to a little beyond the decoder's depth limit. */
    private static String randomJson(Random random, int depth) {
        if (depth > 20 || random.nextInt(3) == 0) {
            return switch (random.nextInt(5)) {
                case 0 -> "null";
                case 1 -> Long.toString(Fuzz.interesting(random));
                case 2 -> RAW_VALUES[random.nextInt(RAW_VALUES.length)];
                case 3 -> "true";
                default -> quote(randomText(random));
            };
        }
        StringBuilder out = new StringBuilder();
        boolean object = random.nextBoolean();
        out.append(object ? '{' : '[');
        for (int n = random.nextInt(4); n > 0; n--) {
            if (object) {
                out.append(quote(random.nextBoolean() ? randomText(random) : "path"))
                        .append(':');
            }
            out.append(randomJson(random, depth + 1));
            if (n > 1) {
                out.append(',');
            }
        }
        return out.append(object ? '}' : ']').toString();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Frame frame(FrameType type, byte[] payload) {
        return new Frame(type, 0, 0, ByteBuffer.wrap(payload).asReadOnlyBuffer());
    }
}
