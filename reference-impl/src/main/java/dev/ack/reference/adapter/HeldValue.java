package dev.ack.reference.adapter;

import dev.ack.reference.pinning.Pin;
import dev.ack.reference.pinning.SelfRefValue;

/**
 * A {@code pn.*} value behind its handle, with the pin that holds it: a heap pin, a scoped pin until
 * {@code pn.scope_end}, or none. Closing it drops the value and frees its memory.
 */
final class HeldValue implements AutoCloseable {
    final SelfRefValue value;
    Pin<SelfRefValue> pin;

    HeldValue(SelfRefValue value, Pin<SelfRefValue> pin) {
        this.value = value;
        this.pin = pin;
    }

    @Override
    public void close() {
        value.close();
    }
}
