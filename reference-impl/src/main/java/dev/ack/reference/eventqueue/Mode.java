package dev.ack.reference.eventqueue;

/**
 * How a registration reports readiness: its {@link Trigger}, and whether it is oneshot, i.e. disarmed
 * after its first event until {@link Registry#reregister} arms it again.
 */
public record Mode(Trigger trigger, boolean oneshot) {
    public static final Mode LEVEL = new Mode(Trigger.LEVEL, false);
    public static final Mode EDGE = new Mode(Trigger.EDGE, false);
}
