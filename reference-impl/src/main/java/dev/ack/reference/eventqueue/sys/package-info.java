/**
 * The seam between the event queue and Linux: the only package that knows JNA, errno numbers, flag
 * values and struct layouts. Everything above it speaks tokens, interests and events; each class in
 * it wraps a few system calls thinly, failing with an
 * {@link dev.ack.reference.eventqueue.EventQueueException} named after the call and its errno.
 */
package dev.ack.reference.eventqueue.sys;
