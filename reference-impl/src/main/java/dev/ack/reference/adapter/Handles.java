package dev.ack.reference.adapter;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a session created, by the handle numbers the runner uses for them (spec §4). Numbers
 * count up and are never reused, so a released handle stays unknown. Used only by the request thread.
 */
final class Handles {
    private final Map<Long, Object> objects = new HashMap<>();
    private long lastIssued;

    /** Remembers {@code object} under a new handle and returns the handle. */
    public long issue(Object object) {
        objects.put(++lastIssued, object);
        return lastIssued;
    }

    /** The object behind {@code handle}; {@code UnknownHandle} if there is none or it is not a {@code kind}. */
    public <T> T get(long handle, Class<T> kind) {
        Object object = objects.get(handle);
        if (object == null) throw new ProtocolError(ErrorKind.UnknownHandle, "no handle " + handle);
        if (!kind.isInstance(object)) {
            throw new ProtocolError(ErrorKind.UnknownHandle, "handle " + handle + " is a "
                    + object.getClass().getSimpleName() + ", not a " + kind.getSimpleName());
        }
        return kind.cast(object);
    }

    /** Forgets {@code handle} and closes its object. */
    public void release(long handle, Class<? extends AutoCloseable> kind) throws Exception {
        AutoCloseable object = get(handle, kind);
        objects.remove(handle);
        object.close();
    }

    /**
     * Forgets every handle and closes every object that can be closed (spec §3.2 {@code reset}). Goes
     * on past a failing close so the rest is still released; the first failure is rethrown at the end.
     */
    public void releaseAll() throws Exception {
        List<Object> released = new ArrayList<>(objects.values());
        objects.clear();
        Exception failure = null;
        for (Object object : released) {
            if (!(object instanceof AutoCloseable closeable)) continue;
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) failure = e; else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}
