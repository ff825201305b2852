package dev.p2pcopy.relay.room;

import dev.p2pcopy.relay.RelayContract;
import java.util.Optional;

/** The two sides of a room. */
public enum Role {
    /** The peer that sends files. */
    SEND(RelayContract.ROLE_SEND, "a sender"),
    /** The peer that receives files. */
    RECEIVE(RelayContract.ROLE_RECEIVE, "a receiver");

    private final String wireName;
    private final String description;

    Role(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    /**
     * Parses the value of the {@code role} query parameter.
     *
     * @param wireName {@code send} or {@code receive}
     * @return the role, or empty if the value is neither
     */
    public static Optional<Role> fromWire(String wireName) {
        for (Role role : values()) {
            if (role.wireName.equals(wireName)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** @return the role's value in the {@code role} query parameter */
    public String wireName() {
        return wireName;
    }

    /** @return the role for a sentence, e.g. "a sender" */
    public String description() {
        return description;
    }

    /** @return the role that pairs with this one */
    public Role other() {
        return this == SEND ? RECEIVE : SEND;
    }
}
