package dev.p2pcopy.protocol.transport;

/** Which side of a room a peer joins as. */
public enum Role {
    /** The peer that offers files. */
    SEND(RelayEndpoint.ROLE_SEND),
    /** The peer that receives them. */
    RECEIVE(RelayEndpoint.ROLE_RECEIVE);

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The role's name in the relay URL and in HELLO. */
    public String wireName() {
        return wireName;
    }
}
