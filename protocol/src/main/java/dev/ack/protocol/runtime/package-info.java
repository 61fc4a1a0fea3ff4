/**
 * The contract of area {@code runtime} (chapter 10): its ops and its programs, which add {@code append},
 * {@code enter_other_runtime} and two leaf kinds to the coroutine programs; its trace entries are those
 * of {@link dev.ack.protocol.programs}.
 */
package dev.ack.protocol.runtime;
