/**
 * A mio-shaped event queue on Linux epoll, as built in chapter 4 of "Asynchronous Programming in Rust".
 *
 * <p>A {@link dev.ack.reference.eventqueue.Poll} owns an epoll instance. Sources (here
 * {@link dev.ack.reference.eventqueue.TcpStream}) are registered with its
 * {@link dev.ack.reference.eventqueue.Registry} under a {@link dev.ack.reference.eventqueue.Token},
 * an {@link dev.ack.reference.eventqueue.Interest} and a {@link dev.ack.reference.eventqueue.Mode}
 * (level or edge triggered, oneshot or not). {@code poll} fills an
 * {@link dev.ack.reference.eventqueue.Events} buffer with the ready sources' tokens; a
 * {@link dev.ack.reference.eventqueue.Waker} interrupts it from another thread. The system calls live
 * behind {@link dev.ack.reference.eventqueue.sys}.
 */
package dev.ack.reference.eventqueue;
