/** The contract of area {@code event-queue} (chapter 4): its ops and the records of their args and results. */
package dev.ack.protocol.eventqueue;
