package dev.p2pcopy.relay.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesFieldsInOrderAndLeavesNullTextOut() {
        String line = new JsonLine()
                .text("event", "closed")
                .text("room", null)
                .number("bytes", 42)
                .number("negative", -1)
                .toString();
        assertThat(line).isEqualTo("{\"event\":\"closed\",\"bytes\":42,\"negative\":-1}");
        assertThat(new JsonLine().toString()).isEqualTo("{}");
    }

    @Test
    void escapesWhatWouldBreakTheLineOrTheJson() throws Exception {
        String hostile = "a\"b\\c\nd\re\tf\u0000g\u001fh\u007fi\u2028j\ud800k\udfffl";
        String line = new JsonLine().text("client", hostile).toString();

        assertThat(line)
                .isEqualTo("{\"client\":\"a\\\"b\\\\c\\u000ad\\u000de\\u0009f\\u0000g\\u001fh\\u007fi\\u2028j\\ud800k"
                        + "\\udfffl\"}");
        assertThat(line).doesNotContain("\n", "\r");
        assertThat(JSON.readTree(line).get("client").asText()).isEqualTo(hostile);
    }

    @Test
    void keepsOrdinaryUnicodeAsItIs() throws Exception {
        String text = "Zoë 東京 😀";
        String line = new JsonLine().text("x", text).toString();
        assertThat(JSON.readTree(line.getBytes(StandardCharsets.UTF_8)).get("x").asText())
                .isEqualTo(text);
    }

    @Test
    void anyStringSurvivesTheRoundTrip() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000));
            }
            String value = new String(chars);
            String line = new JsonLine().text("v", value).number("n", i).toString();
            JsonNode parsed = JSON.readTree(line);
            assertThat(parsed.get("v").asText()).isEqualTo(value);
            assertThat(parsed.get("n").asInt()).isEqualTo(i);
            assertThat(line).doesNotContain("\n");
        }
    }
}
