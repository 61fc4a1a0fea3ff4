/** The contract of area {@code wakers} (chapter 8): its ops; its programs are in {@link dev.ack.protocol.programs}. */
package dev.ack.protocol.wakers;
