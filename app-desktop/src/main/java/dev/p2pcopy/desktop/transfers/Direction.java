package dev.p2pcopy.desktop.transfers;

/** Whether this computer sends or receives in a transfer. */
public enum Direction {
    /** Files leave this computer. */
    SEND,
    /** Files arrive on this computer. */
    RECEIVE
}
