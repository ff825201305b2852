package dev.p2pcopy.relay;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh room ids and test payloads. */
final class Rooms {

    private Rooms() {}

    static String newId() {
        StringBuilder id = new StringBuilder(64);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 64; i++) {
            id.append(Character.forDigit(random.nextInt(16), 16));
        }
        return id.toString();
    }

    static byte[] randomBytes(int size) {
        byte[] data = new byte[size];
        ThreadLocalRandom.current().nextBytes(data);
        return data;
    }
}
