/** The contract of area {@code pinning} (chapter 9): its ops, specified in spec/pinning.md, section "Protocol". */
package dev.ack.protocol.pinning;
