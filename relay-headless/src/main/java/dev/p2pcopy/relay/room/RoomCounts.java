package dev.p2pcopy.relay.room;

/**
 * How many rooms are in each state at one moment.
 *
 * @param waiting rooms holding one peer
 * @param paired rooms holding a sender and a receiver
 */
public record RoomCounts(int waiting, int paired) {}
