package dev.ack.runner.steps.eventqueue;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The trigger mode of a registration; level-triggered is the protocol's default and is sent as no argument. */
enum Mode {
    LEVEL_TRIGGERED, EDGE_TRIGGERED, ONESHOT;

    static Mode parse(String words) {
        return valueOf(words.toUpperCase().replace('-', '_'));
    }

    void addTo(ObjectNode args) {
        switch (this) {
            case LEVEL_TRIGGERED -> { }
            case EDGE_TRIGGERED -> args.put("trigger", "edge");
            case ONESHOT -> args.put("oneshot", true);
        }
    }
}
