package dev.ack.reference.eventqueue;

/**
 * How a registration reports readiness: its {@link Trigger}, and whether it is oneshot, i.e. disarmed
 * after its first event until {@link Registry#reregister} arms it again.
 *
 * @param trigger level or edge
 * @param oneshot whether the registration is disarmed after its first event
 */
public record Mode(Trigger trigger, boolean oneshot) {
    /** Level-triggered, not oneshot: epoll's default. */
    public static final Mode LEVEL = new Mode(Trigger.LEVEL, false);
    /** Edge-triggered, not oneshot: what mio always asks for. */
    public static final Mode EDGE = new Mode(Trigger.EDGE, false);
}
