/**
 * Transfer codes: parsing and normalising them ({@link dev.p2pcopy.protocol.code.Code}),
 * deriving the relay room from the nameplate, the shipped word list and the random generator.
 */
package dev.p2pcopy.protocol.code;
