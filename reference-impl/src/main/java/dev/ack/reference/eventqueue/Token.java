package dev.ack.reference.eventqueue;

/**
 * Names a registration. Epoll hands the token back, as the 64-bit user data of every event of that
 * source, so the caller finds its source without searching by file descriptor. All 64 bits travel
 * untouched.
 *
 * @param value the caller's number for the registration
 */
public record Token(long value) {}
