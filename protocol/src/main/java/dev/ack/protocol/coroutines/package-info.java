/** The contract of area {@code coroutines} (chapter 7): its ops; its programs are in {@link dev.ack.protocol.programs}. */
package dev.ack.protocol.coroutines;
