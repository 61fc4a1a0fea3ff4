/** Steps of area {@code pinning} (chapter 9): values at real addresses, their moves and pins, and the buffer coroutine's run. */
package dev.ack.runner.steps.pinning;
