/** The contract of area {@code fibers} (chapter 5): its ops, program instructions and trace entries. */
package dev.ack.protocol.fibers;
